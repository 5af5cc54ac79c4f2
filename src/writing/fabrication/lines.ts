import type { CoverLetterContent, Line, ResumeContent, SectionKind } from '../../../contracts/generations/content';

/** One line of generated content, with where it sits. */
export interface LineRef {
  path: string;
  line: Line;
  /** Resume: the section kind and whether the line is an item's title, meta or a plain line. */
  section: SectionKind | null;
  part: 'title' | 'meta' | 'line';
  /** Cover letter: the paragraph's role. */
  role: CoverLetterContent['paragraphs'][number]['role'] | null;
}

export function isResume(content: ResumeContent | CoverLetterContent): content is ResumeContent {
  return 'sections' in content;
}

export function linesOf(content: ResumeContent | CoverLetterContent): LineRef[] {
  if (!isResume(content)) {
    return content.paragraphs.flatMap((p, i) =>
      p.lines.map((line, k) => ({ path: `paragraphs[${i}].lines[${k}]`, line, section: null, part: 'line' as const, role: p.role })),
    );
  }
  return content.sections.flatMap((s, i) =>
    s.items.flatMap((item, j) => {
      const at = `sections[${i}].items[${j}]`;
      const ref = (line: Line, path: string, part: LineRef['part']): LineRef => ({ path, line, section: s.kind, part, role: null });
      return [
        ...(item.title ? [ref(item.title, `${at}.title`, 'title')] : []),
        ...(item.meta ? [ref(item.meta, `${at}.meta`, 'meta')] : []),
        ...item.lines.map((line, k) => ref(line, `${at}.lines[${k}]`, 'line')),
      ];
    }),
  );
}
