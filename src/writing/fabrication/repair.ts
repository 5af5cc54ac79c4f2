import type { CoverLetterContent, GenerationInput, ResumeContent } from '../../../contracts/generations/content';
import type { Violation } from '../../../contracts/generations/fabrication';
import { resumeWords } from '../draft';
import { countWords } from '../text';
import { checkFabrication } from './check';
import { isResume } from './lines';

/**
 * Removes what the checker found: each violating line, or the whole item when its title or meta
 * line violates; items and sections left empty go too (the header stays). The content is checked
 * again first, so findings missing from `violations` are removed as well.
 */
export function repair<T extends ResumeContent | CoverLetterContent>(content: T, violations: Violation[], input: GenerationInput): T {
  const paths = new Set([...violations, ...checkFabrication(content, input)].map((v) => v.path));
  return (isResume(content) ? repairResume(content, paths) : repairCoverLetter(content, paths)) as T;
}

function repairResume(content: ResumeContent, paths: Set<string>): ResumeContent {
  const sections = content.sections
    .map((section, i) => ({
      ...section,
      items: section.items.flatMap((item, j) => {
        const at = `sections[${i}].items[${j}]`;
        if (paths.has(`${at}.title`) || paths.has(`${at}.meta`)) return [];
        const lines = item.lines.filter((_, k) => !paths.has(`${at}.lines[${k}]`));
        return item.title !== null || item.meta !== null || lines.length > 0 ? [{ ...item, lines }] : [];
      }),
    }))
    .filter((section) => section.kind === 'header' || section.items.length > 0);
  return { ...content, sections, word_count: resumeWords(sections) };
}

function repairCoverLetter(content: CoverLetterContent, paths: Set<string>): CoverLetterContent {
  const paragraphs = content.paragraphs
    .map((p, i) => ({ ...p, lines: p.lines.filter((_, k) => !paths.has(`paragraphs[${i}].lines[${k}]`)) }))
    .filter((p) => p.lines.length > 0);
  const word_count = paragraphs.reduce((n, p) => n + p.lines.reduce((m, l) => m + countWords(l.text), 0), 0);
  return { ...content, paragraphs, word_count };
}
