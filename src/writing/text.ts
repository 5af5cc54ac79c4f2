/** Plain-text helpers shared by the writers and the checker. */

/** Words as a reader counts them: runs of non-space that hold a letter or a digit ("–" and "·" are not words). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Sentences of a paragraph, each whole (never cut); a trailing fragment without a full stop is a sentence too. */
export function sentencesOf(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'(])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-cased, with runs of space and punctuation other than word joiners collapsed: for "does the profile say this" checks. */
export function normalized(text: string): string {
  return text.toLowerCase().replace(/[\s,;:()"]+/g, ' ').trim();
}
