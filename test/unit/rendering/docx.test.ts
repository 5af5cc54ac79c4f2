import { strFromU8, unzipSync } from 'fflate';
import { renderResume } from '../../../src/rendering';
import { hostileResume, injections, resumeFor, resumeTexts } from './fixtures';

const metadata = { title: 'Resume — Staff Engineer', author: 'Αλέξανδρος Παπαδόπουλος' };

const decode = (xml: string) => xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

interface Para { style: string | null; numbered: boolean; text: string }

/** The body's paragraphs as Word reads them: style, list numbering, text. */
function paragraphs(documentXml: string): Para[] {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map(([, p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null,
    numbered: p.includes('<w:numPr>'),
    text: decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}

async function docx(...args: Parameters<typeof renderResume>): Promise<Record<string, string>> {
  const files = unzipSync(new Uint8Array(await renderResume(...args)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('DOCX export', () => {
  const resume = resumeFor('Αλέξανδρος Παπαδόπουλος', 3);

  it('has every text in reading order, one paragraph each', async () => {
    const files = await docx(resume, { format: 'docx', metadata });
    const texts = paragraphs(files['word/document.xml']).map((p) => p.text);
    expect(texts[0]).toBe('Αλέξανδρος Παπαδόπουλος');
    expect(texts[1]).toBe('anna@example.com · +49 30 1234567 · Berlin, Deutschland');
    expect(texts.slice(2)).toEqual(resumeTexts(resume));
  });

  it('uses Heading 1 for the name, Heading 2 for sections and real list numbering for bullets', async () => {
    const files = await docx(resume, { format: 'docx', metadata });
    const paras = paragraphs(files['word/document.xml']);
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Αλέξανδρος Παπαδόπουλος']);
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(resume.sections.filter((s) => s.kind !== 'header').map((s) => s.heading));
    const experienceLines = resume.sections.find((s) => s.kind === 'experience')?.items.flatMap((i) => i.lines.map((l) => l.text));
    expect(paras.filter((p) => p.numbered).map((p) => p.text).slice(0, 9)).toEqual(experienceLines);
    expect(files['word/numbering.xml']).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(files['word/styles.xml']).toContain('w:styleId="Heading2"');
  });

  it('lays out with paragraphs only: no tables, text boxes or frames', async () => {
    const files = await docx(resume, { format: 'docx', metadata });
    expect(files['word/document.xml']).not.toMatch(/<w:tbl>|<w:txbxContent|<w:framePr|<w:drawing/);
  });

  it('has US letter with 0.75 in margins by default and A4 when asked', async () => {
    const letter = (await docx(resume, { format: 'docx', metadata }))['word/document.xml'];
    expect(letter).toMatch(/<w:pgSz w:w="12240" w:h="15840"/);
    expect(letter).toMatch(/<w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080"/);
    const a4 = (await docx(resume, { format: 'docx', metadata, page_size: 'a4' }))['word/document.xml'];
    expect(a4).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it('sets title and author in the core properties', async () => {
    const core = (await docx(resume, { format: 'docx', metadata }))['docProps/core.xml'];
    expect(core).toContain('<dc:title>Resume — Staff Engineer</dc:title>');
    expect(core).toContain('<dc:creator>Αλέξανδρος Παπαδόπουλος</dc:creator>');
  });

  it('keeps markup in user text as text', async () => {
    const texts = paragraphs((await docx(hostileResume(), { format: 'docx', metadata }))['word/document.xml']).map((p) => p.text);
    expect(texts.slice(-3)).toEqual(injections);
  });
});
