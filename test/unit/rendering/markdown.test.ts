import { renderResume } from '../../../src/rendering';
import { hostileResume, resumeFor } from './fixtures';

const metadata = { title: 'Resume', author: 'Αλέξανδρος Παπαδόπουλος' };

describe('Markdown export', () => {
  it('has the name as "#", the sections as "##" in order, entries as "###" and lines as "- " bullets', async () => {
    const resume = resumeFor('Αλέξανδρος Παπαδόπουλος', 2);
    const lines = (await renderResume(resume, { format: 'md', metadata })).toString('utf8').split('\n');
    expect(lines[0]).toBe('# Αλέξανδρος Παπαδόπουλος');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## Professional Summary', '## Professional Experience', '## Education', '## Skills', '## Languages']);
    expect(lines.filter((l) => l.startsWith('### '))[1]).toBe('### Senior Software Engineer 2, Müller & Søn GmbH');
    expect(lines).toContain('*2019-03 – 2021-02 · Zürich*');
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(2 * 3 + 2);
  });

  it('escapes markup in user text', async () => {
    const md = (await renderResume(hostileResume(), { format: 'md', metadata })).toString('utf8');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
  });
});
