import { type Line, wordCount } from './lines';

/** The items of a list section, and the prose lines that are not items. */
export interface ListContent {
  items: string[];
  prose: Line[];
}

/**
 * Bullets are items; a line right under a bullet that is indented or starts in lower case
 * continues it. Without any bullets, each line is an item. Lines ending in ":" introduce a list.
 */
export function listItems(lines: Line[]): ListContent {
  const hasBullets = lines.some((line) => line.bullet);
  const items: string[] = [];
  const prose: Line[] = [];
  let previous: Line | null = null;
  for (const line of lines) {
    if (line.bullet) {
      items.push(line.text);
    } else if (previous?.bullet && !line.afterBlank && (line.indent > previous.indent || /^[a-z(]/.test(line.text))) {
      items[items.length - 1] = `${items[items.length - 1]} ${line.text}`;
      continue;
    } else if (line.inline) {
      items.push(...splitInline(line.text));
    } else if (/[:：]$/.test(line.text)) {
      // an intro such as "You will need:" is not an item
    } else if (hasBullets) {
      prose.push(line);
    } else {
      items.push(...splitSentences(line.text));
    }
    previous = line;
  }
  return { items, prose };
}

/** "Python; SQL" or "Python, SQL, AWS" (when every part is short) → separate items. */
function splitInline(text: string): string[] {
  if (text.includes(';')) return text.split(';').map((part) => part.trim()).filter(Boolean);
  const parts = text.split(/,\s*/).map((part) => part.trim()).filter(Boolean);
  return parts.length >= 2 && parts.every((part) => wordCount(part) <= 5) ? parts : [text];
}

/** A long paragraph under a list heading becomes one item per sentence. */
function splitSentences(text: string): string[] {
  if (text.length <= 250) return [text];
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).map((part) => part.trim()).filter(Boolean);
}
