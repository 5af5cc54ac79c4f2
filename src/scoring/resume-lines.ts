import type { ResumeContent, SectionKind } from '../../contracts/generations/content';
import { ExtractedSkill, extractSkills } from '../keywords';
import { countWords, isKeywordList } from './text';

export type LinePart = 'title' | 'meta' | 'line';

/** One piece of resume text (an item's title, its meta or one of its lines) with what the scorer needs to know about it. */
export interface ResumeLine {
  section: SectionKind;
  sectionIndex: number;
  itemIndex: number;
  /** The item's title text, for naming it in a report. */
  item: string | undefined;
  part: LinePart;
  path: string;
  text: string;
  skills: ExtractedSkill[];
  words: number;
  /** A bare list of skills ("Python, Docker, Kubernetes"), see text.ts. */
  keywordList: boolean;
}

/** Sections where a bare list of names is the normal form, not stuffing. */
export const LIST_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['skills', 'certifications', 'languages']);

/** Sections whose lines show a skill in use: a keyword there counts fully. */
export const CONTEXT_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>(['experience', 'projects']);

/** Every title, meta and line of the resume, in document order. */
export function resumeLines(content: ResumeContent): ResumeLine[] {
  const lines: ResumeLine[] = [];
  content.sections.forEach((section, sectionIndex) => {
    section.items.forEach((item, itemIndex) => {
      const base = `sections[${sectionIndex}].items[${itemIndex}]`;
      const parts: Array<[LinePart, string, string | undefined]> = [
        ['title', `${base}.title`, item.title?.text],
        ['meta', `${base}.meta`, item.meta?.text],
        ...item.lines.map((line, i): [LinePart, string, string] => ['line', `${base}.lines[${i}]`, line.text]),
      ];
      for (const [part, path, text] of parts) {
        if (text === undefined || text.trim() === '') continue;
        const skills = extractSkills(text);
        lines.push({
          section: section.kind, sectionIndex, itemIndex, item: item.title?.text, part, path, text, skills,
          words: countWords(text), keywordList: isKeywordList(text, skills),
        });
      }
    });
  });
  return lines;
}

/** A skill use that shows context: an experience or project title or line that is a sentence, not a list. */
export function showsContext(line: ResumeLine): boolean {
  return CONTEXT_SECTIONS.has(line.section) && line.part !== 'meta' && !line.keywordList;
}

/** Mentions of each skill in the given lines, by canonical name. */
export function mentionCounts(lines: ResumeLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const skill of line.skills) counts.set(skill.skill, (counts.get(skill.skill) ?? 0) + skill.offsets.length);
  }
  return counts;
}
