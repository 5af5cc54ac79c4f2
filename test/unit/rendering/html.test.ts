import { HTMLElement, parse } from 'node-html-parser';
import { renderResume } from '../../../src/rendering';
import { hostileResume, injections, resumeFor } from './fixtures';

const metadata = { title: 'Resume — Staff Engineer <Northwind>', author: '王小明', language: 'en-GB' };

async function html(...args: Parameters<typeof renderResume>): Promise<{ raw: string; root: HTMLElement }> {
  const raw = (await renderResume(...args)).toString('utf8');
  return { raw, root: parse(raw) };
}

const allElements = (root: HTMLElement): HTMLElement[] => root.querySelectorAll('*');

describe('HTML export', () => {
  it('is one standalone document with lang, title, and print CSS for US letter with 0.75 in margins', async () => {
    const { raw, root } = await html(resumeFor('王小明'), { format: 'html', metadata });
    expect(raw.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(root.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    expect(root.querySelector('title')?.text).toBe(metadata.title);
    expect(root.querySelector('style')?.text).toContain('@page { size: letter; margin: 0.75in; }');
    expect(root.querySelectorAll('link, script, img')).toHaveLength(0);
  });

  it('sets A4 when asked', async () => {
    const { root } = await html(resumeFor('王小明'), { format: 'html', metadata, page_size: 'a4' });
    expect(root.querySelector('style')?.text).toContain('@page { size: A4; margin: 0.75in; }');
  });

  it('has real headings in order and the lines as list items', async () => {
    const resume = resumeFor('王小明', 3);
    const { root } = await html(resume, { format: 'html', metadata });
    expect(root.querySelectorAll('h1').map((h) => h.text)).toEqual(['王小明']);
    expect(root.querySelectorAll('h2').map((h) => h.text)).toEqual(resume.sections.filter((s) => s.kind !== 'header').map((s) => s.heading));
    const experience = resume.sections.find((s) => s.kind === 'experience');
    expect(root.querySelectorAll('h3').slice(0, 3).map((h) => h.text)).toEqual(experience?.items.map((i) => i.title?.text));
    const items = root.querySelectorAll('ul > li').map((li) => li.text);
    expect(items.slice(0, 9)).toEqual(experience?.items.flatMap((i) => i.lines.map((l) => l.text)));
  });

  it('keeps every injection attempt as text: no script, no event handler attribute, the characters intact', async () => {
    const { root } = await html(hostileResume(), { format: 'html', metadata: { ...metadata, title: '</title><script>alert(4)</script>', author: '" onload="x' } });
    expect(root.querySelectorAll('script, b, img')).toHaveLength(0);
    for (const element of allElements(root)) {
      expect(Object.keys(element.attributes).filter((name) => name.startsWith('on'))).toEqual([]);
    }
    expect(root.querySelector('h1')?.text).toBe('Mallory <b>Bold</b> "Quote"');
    expect(root.querySelectorAll('h2').map((h) => h.text)).toContain('Projects <img src=x onerror=alert(3)>');
    expect(root.querySelectorAll('li').map((li) => li.text).slice(-3)).toEqual(injections);
    expect(root.querySelector('title')?.text).toBe('</title><script>alert(4)</script>');
    expect(root.querySelector('meta[name="author"]')?.getAttribute('content')).toBe('" onload="x');
  });
});
