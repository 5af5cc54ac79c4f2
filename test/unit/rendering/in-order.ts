/** Whitespace of any kind collapsed to one space, as the texts are compared after wrapping. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The needles that are not found in the haystack in the given order (each searched after the
 * previous one); empty when all are there in order.
 */
export function missingInOrder(haystack: string, needles: string[]): string[] {
  const text = squash(haystack);
  const missing: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(squash(needle), from);
    if (at < 0) missing.push(needle);
    else from = at + squash(needle).length;
  }
  return missing;
}
