import { RenderOptions } from '../../../contracts/documents/rendering';
import { Template } from '../../../contracts/generations/content';
import { contentTypes, render, renderResume } from '../../../src/rendering';
import { resumeFor } from './fixtures';

const metadata = { title: 'Resume', author: 'Анна Каренина' };

describe('render', () => {
  it('defaults to the professional template, US letter and English', () => {
    expect(RenderOptions.parse({ format: 'pdf', metadata })).toEqual({ format: 'pdf', template: 'professional', page_size: 'letter', metadata: { ...metadata, language: 'en' } });
    expect(RenderOptions.safeParse({ format: 'rtf', metadata }).success).toBe(false);
  });

  it('gives the same text whatever the template: templates change the look, not the content', async () => {
    const texts = await Promise.all(Template.options.map(async (template) => (await renderResume(resumeFor('Анна Каренина'), { format: 'txt', template, metadata })).toString('utf8')));
    expect(new Set(texts).size).toBe(1);
  });

  it.each(Template.options)('renders every format with the %s template', async (template) => {
    for (const format of ['pdf', 'docx', 'html', 'md', 'txt'] as const) {
      const file = await render({ kind: 'resume', content: resumeFor('Анна Каренина') }, { format, template, metadata });
      expect(file.length).toBeGreaterThan(100);
    }
  });

  it('names a MIME type for each format', () => {
    expect(Object.keys(contentTypes).sort()).toEqual(['docx', 'html', 'md', 'pdf', 'txt']);
  });
});
