import { renderCoverLetter, renderResume } from '../../../src/rendering';
import { MARGIN_POINTS } from '../../../src/rendering/templates';
import { extractPdf, type ExtractedPdf } from './extract-pdf';
import { coverLetter, resumeFor, resumeTexts } from './fixtures';
import { missingInOrder } from './in-order';

const metadata = (author: string) => ({ title: `Resume — ${author}`, author });

/** The bullet glyph is drawn beside the line; extractors give it back as text. */
const wholeText = (pdf: ExtractedPdf) => pdf.pages.join('\n').replace(/•/g, ' ');

describe('PDF export', () => {
  describe.each(['Αλέξανδρος Παπαδόπουλος', 'Анна Каренина', '王小明', 'Zoë Ærøskøbing-Müller'])('for %s', (name) => {
    let pdf: ExtractedPdf;
    const resume = resumeFor(name, 2);
    beforeAll(async () => {
      pdf = await extractPdf(await renderResume(resume, { format: 'pdf', metadata: metadata(name) }));
    });

    it('gives the name back as the same characters (embedded fonts with Unicode maps)', () => {
      expect(pdf.pages[0].split('\n')[0].trim()).toBe(name);
    });

    it('gives every section, employer, title, date and line back in reading order', () => {
      expect(missingInOrder(wholeText(pdf), [name, 'anna@example.com · +49 30 1234567 · Berlin, Deutschland', ...resumeTexts(resume)])).toEqual([]);
    });

    it('carries the title and author', () => {
      expect(pdf.info).toMatchObject({ Title: `Resume — ${name}`, Author: name });
    });
  });

  describe('a long resume', () => {
    let pdf: ExtractedPdf;
    const resume = resumeFor('王小明', 13);
    beforeAll(async () => {
      pdf = await extractPdf(await renderResume(resume, { format: 'pdf', metadata: metadata('王小明') }));
    });

    it('runs to three US letter pages', () => {
      expect(pdf.pages).toHaveLength(3);
      expect(pdf.layout.map((p) => [p.width, p.height])).toEqual([[612, 792], [612, 792], [612, 792]]);
    });

    it('keeps every line inside the 0.75 in margins, so none is cut at a page end', () => {
      for (const page of pdf.layout) {
        expect(page.lowestBaseline).toBeGreaterThanOrEqual(MARGIN_POINTS);
        expect(page.highestBaseline).toBeLessThanOrEqual(page.height - MARGIN_POINTS);
      }
    });

    it('keeps the reading order across pages', () => {
      expect(missingInOrder(wholeText(pdf), resumeTexts(resume))).toEqual([]);
      const lastEmployer = resume.sections.find((s) => s.kind === 'experience')?.items.at(-1)?.title?.text ?? '';
      expect(squashed(pdf.pages[2])).toContain(lastEmployer);
    });
  });

  it('uses A4 when asked', async () => {
    const pdf = await extractPdf(await renderResume(resumeFor('Анна Каренина'), { format: 'pdf', page_size: 'a4', metadata: metadata('Анна Каренина') }));
    expect(pdf.layout.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([[595, 842]]);
  });

  it('renders a cover letter paragraph by paragraph, the signature in Chinese', async () => {
    const pdf = await extractPdf(await renderCoverLetter(coverLetter, { format: 'pdf', metadata: metadata('王小明') }));
    expect(missingInOrder(wholeText(pdf), coverLetter.paragraphs.flatMap((p) => p.lines.map((l) => l.text)))).toEqual([]);
  });
});

const squashed = (text: string) => text.replace(/\s+/g, ' ');
