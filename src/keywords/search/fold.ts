/**
 * Case and accent folding: compatibility decomposition (NFKD turns `ﬁ` into `fi` and `²` into
 * `2`), combining marks dropped (`Zürich` = `Zurich`, `café` = `cafe`), then lower case.
 * Letters with no decomposition (`ø`, `ß`, `ł`) are kept as they are.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
