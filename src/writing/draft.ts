import type { Line, ResumeContent, ResumeSection, SectionKind, Source } from '../../contracts/generations/content';
import { countWords } from './text';

/**
 * A resume before it is fitted to its length: every line and item knows how much it matters
 * (`score`) and whether it may be left out, so trimming drops the least relevant first.
 */

export interface DraftLine {
  line: Line;
  score: number;
  removable: boolean;
}

export interface DraftItem {
  title: Line | null;
  meta: Line | null;
  lines: DraftLine[];
  score: number;
  removable: boolean;
}

export interface DraftSection {
  kind: SectionKind;
  heading: string;
  items: DraftItem[];
}

export const line = (text: string, sources: Source[]): Line => ({ text, sources });

export const draftLine = (text: string, sources: Source[], score: number, removable = true): DraftLine => ({
  line: line(text, sources),
  score,
  removable,
});

/** Items score a little above their own lines, so an item's weakest lines go before the item does. */
const ITEM_MARGIN = 0.5;

function itemWords(item: DraftItem): number {
  return [item.title, item.meta, ...item.lines.map((l) => l.line)].reduce((n, l) => n + (l ? countWords(l.text) : 0), 0);
}

function totalWords(sections: DraftSection[]): number {
  return sections.reduce((n, s) => n + s.items.reduce((m, i) => m + itemWords(i), 0), 0);
}

/** Drops the least relevant lines and items (last in the document first on a tie) until the words fit. */
export function fitToLength(sections: DraftSection[], maxWords: number): DraftSection[] {
  let fitted = sections;
  while (totalWords(fitted) > maxWords) {
    const next = dropWeakest(fitted);
    if (!next) break;
    fitted = next;
  }
  return fitted;
}

function dropWeakest(sections: DraftSection[]): DraftSection[] | null {
  let weakest: { s: number; i: number; l: number | null; score: number } | null = null;
  const consider = (s: number, i: number, l: number | null, score: number) => {
    if (!weakest || score <= weakest.score) weakest = { s, i, l, score };
  };
  sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      if (item.removable) consider(s, i, null, item.score + ITEM_MARGIN);
      item.lines.forEach((l, k) => l.removable && consider(s, i, k, l.score));
    }),
  );
  if (!weakest) return null;
  const { s, i, l } = weakest;
  return sections.map((section, si) => {
    if (si !== s) return section;
    if (l === null) return { ...section, items: section.items.filter((_, ii) => ii !== i) };
    return {
      ...section,
      items: section.items.map((item, ii) => (ii === i ? { ...item, lines: item.lines.filter((_, k) => k !== l) } : item)),
    };
  });
}

export function toResumeContent(template: ResumeContent['template'], sections: DraftSection[]): ResumeContent {
  const finished: ResumeSection[] = sections
    .filter((s) => s.kind === 'header' || s.items.length > 0)
    .map((s) => ({
      kind: s.kind,
      heading: s.heading,
      items: s.items.map((i) => ({ title: i.title, meta: i.meta, lines: i.lines.map((l) => l.line) })),
    }));
  return { template, sections: finished, word_count: resumeWords(finished) };
}

/** Words in every line text of the sections (titles, meta and lines; headings are layout, not text). */
export function resumeWords(sections: ResumeSection[]): number {
  return sections.reduce(
    (n, s) => n + s.items.reduce((m, i) => m + [i.title, i.meta, ...i.lines].reduce((k, l) => k + (l ? countWords(l.text) : 0), 0), 0),
    0,
  );
}
