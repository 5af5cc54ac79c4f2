/** A pasted posting, one entry per non-blank line, with its list-marker and emphasis stripped. */
export interface Line {
  index: number;
  text: string;
  indent: number;
  bullet: boolean;
  /** Typographic hint of a heading: a markdown heading or bold line, or a line in ALL CAPS. */
  emphasis: 'markup' | 'caps' | null;
  /** A blank line came right before this one. */
  afterBlank: boolean;
  /** The text followed a heading on the same line: "Skills: Python, SQL". */
  inline?: boolean;
}

const BULLET = /^(?:[-*+–—]\s+|[•·▪●◦‣■□➢➤✓✔]\s*|\(?\d{1,2}[.)]\s+|[a-z]\)\s+)/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const WHOLLY_BOLD = /^(\*\*|__)(.+?)\1:?$/;

export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\t/g, '    ');
}

export function toLines(raw: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  for (const rawLine of normaliseText(raw).split('\n')) {
    const trimmed = rawLine.trim();
    if (!trimmed || /^[-=_*]{3,}$/.test(trimmed)) {
      afterBlank = true;
      continue;
    }
    const indent = rawLine.length - rawLine.trimStart().length;
    const bulletMatch = trimmed.match(BULLET);
    const unbulleted = bulletMatch ? trimmed.slice(bulletMatch[0].length) : trimmed;
    const markup = MARKDOWN_HEADING.test(trimmed) || WHOLLY_BOLD.test(trimmed);
    const emphasis = bulletMatch ? null : markup ? 'markup' : isAllCaps(trimmed) ? 'caps' : null;
    const text = stripMarkup(unbulleted);
    if (!text) continue;
    lines.push({ index: lines.length, text, indent, bullet: Boolean(bulletMatch), emphasis, afterBlank });
    afterBlank = false;
  }
  return lines;
}

function stripMarkup(text: string): string {
  return text
    .replace(MARKDOWN_HEADING, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && text.length <= 60 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A heading's words without decoration: lower case, no trailing colon or punctuation. */
export function headingCore(text: string): string {
  return text
    .toLowerCase()
    .replace(/[:：.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;
