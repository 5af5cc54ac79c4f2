import { renderCoverLetter, renderResume } from '../../../src/rendering';
import { compareInOrder, coverLetterExpectations, resumeExpectations } from '../../../src/rendering/parse-back';
import { coverLetter, resumeFor, resumeTexts } from './fixtures';
import { missingInOrder } from './in-order';
import { pdftotext, withPdftotext } from './pdftotext';

const metadata = (author: string) => ({ title: `Resume — ${author}`, author });
const contact = 'anna@example.com · +49 30 1234567 · Berlin, Deutschland';
/** The bullet glyph is drawn beside the line; pdftotext gives it back as text. */
const words = (text: string) => text.replace(/•/g, ' ');

withPdftotext('PDF export read back by pdftotext (poppler)', () => {
  describe.each(['layout', 'plain'] as const)('pdftotext %s', (mode) => {
    describe.each(['Αλέξανδρος Παπαδόπουλος', 'Анна Каренина', '王小明'])('for %s', (name) => {
      const resume = resumeFor(name, 2);
      let text: string;
      beforeAll(async () => {
        text = await pdftotext(await renderResume(resume, { format: 'pdf', metadata: metadata(name) }), mode);
      });

      it('gives the name back first, as the same characters', () => {
        expect(text.split('\n')[0].trim()).toBe(name);
      });

      it('gives every section heading, employer, title and date back in reading order', () => {
        expect(compareInOrder(text, resumeExpectations(resume))).toEqual({ in_order: 12, issues: [] });
      });

      it('gives every line back in reading order', () => {
        expect(missingInOrder(words(text), [name, contact, ...resumeTexts(resume)])).toEqual([]);
      });
    });

    describe('a three-page resume', () => {
      const resume = resumeFor('王小明', 13);
      let pages: string[];
      beforeAll(async () => {
        pages = (await pdftotext(await renderResume(resume, { format: 'pdf', metadata: metadata('王小明') }), mode)).split('\f').filter((p) => p.trim() !== '');
      });

      it('has three pages', () => {
        expect(pages).toHaveLength(3);
      });

      it('keeps every section, employer, title, date and line in reading order across the pages', () => {
        const expected = resumeExpectations(resume);
        expect(compareInOrder(pages.join('\n'), expected)).toEqual({ in_order: expected.length, issues: [] });
        expect(missingInOrder(words(pages.join('\n')), resumeTexts(resume))).toEqual([]);
      });

      it('puts the last employer on the third page', () => {
        const lastEmployer = resume.sections.find((s) => s.kind === 'experience')?.items.at(-1)?.title?.text ?? '';
        expect(pages[2].replace(/\s+/g, ' ')).toContain(lastEmployer);
      });
    });

    it('gives a cover letter back paragraph by paragraph, the signature in Chinese', async () => {
      const text = await pdftotext(await renderCoverLetter(coverLetter, { format: 'pdf', metadata: metadata('王小明') }), mode);
      expect(compareInOrder(text, coverLetterExpectations(coverLetter))).toEqual({ in_order: 5, issues: [] });
      expect(text.trim().split('\n').at(-1)?.trim()).toBe('王小明');
    });
  });
});
