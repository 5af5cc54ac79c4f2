import type { CoverLetterContent, ResumeContent } from '../../../contracts/generations/content';
import { clean } from '../layout';

/** A text the export must give back, and where it sits in the content. */
export interface Expected { path: string; text: string }

/**
 * What a resume's exports must give back, in reading order (layout.ts): the name, then each
 * section's heading and each item's title (role and employer, degree and school) and meta (dates
 * and place). The header's heading is not shown, and its contact lines are not items.
 */
export function resumeExpectations(content: ResumeContent): Expected[] {
  return content.sections.flatMap((section, s) => {
    const items = section.items.flatMap((item, i) => [
      { path: `sections[${s}].items[${i}].title`, text: item.title?.text ?? '' },
      { path: `sections[${s}].items[${i}].meta`, text: section.kind === 'header' ? '' : item.meta?.text ?? '' },
    ]);
    const heading = section.kind === 'header' ? [] : [{ path: `sections[${s}].heading`, text: section.heading }];
    return [...heading, ...items].filter((e) => clean(e.text) !== '');
  });
}

/** A cover letter gives back each paragraph, its lines joined as the layout joins them. */
export function coverLetterExpectations(content: CoverLetterContent): Expected[] {
  return content.paragraphs
    .map((p, i) => ({ path: `paragraphs[${i}]`, text: p.lines.map((l) => l.text).join(' ') }))
    .filter((e) => clean(e.text) !== '');
}
