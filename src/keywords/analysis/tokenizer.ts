/**
 * A tokenizer for technical job text.
 *
 * A token is a run of letters and digits that may contain `.`, `'` or `&` between two of them
 * and may end in `+` or `#`, so `C++`, `C#`, `.NET`, `Node.js`, `R&D`, `P&L` and `Master's`
 * stay whole, while `CI/CD`, `Objective-C` and `front-end` are several tokens whose gaps say how
 * they were joined. `Google` and `JavaScript` are single tokens: nothing can match inside them.
 */

/**
 * What separates a token from the one before it:
 * - `space`: whitespace only; `hyphen`: a bare `-` (`front-end`); `slash`: `/` (`CI/CD`)
 * - `list`: a comma, bracket, quote, spaced dash or similar list punctuation
 * - `stop`: the end of a sentence, clause or line (`.`, `;`, `:`, `!`, `?`, newline, bullet)
 * The first token of a text has a `stop` gap.
 */
export type Gap = 'space' | 'hyphen' | 'slash' | 'list' | 'stop';

export interface Token {
  /** As written. */
  text: string;
  /** The form used for matching, see `matchKey`. */
  key: string;
  start: number;
  end: number;
  gapBefore: Gap;
}

const TOKEN = /(?<![\p{L}\p{N}])\.(?=\p{L})[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*[+#]*|[\p{L}\p{N}]+(?:[.'’&][\p{L}\p{N}]+)*[+#]*|&/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const raw = match[0];
    tokens.push({
      text: raw,
      key: raw === '&' ? 'and' : matchKey(raw),
      start,
      end: start + raw.length,
      gapBefore: tokens.length === 0 ? 'stop' : classifyGap(gapAfter(tokens[tokens.length - 1], text.slice(previousEnd, start))),
    });
    previousEnd = start + raw.length;
  }
  return tokens;
}

/** The lookup key of a token sequence: its keys joined by single spaces. */
export function keyOf(tokens: Token[]): string {
  return tokens.map((t) => t.key).join(' ');
}

/** The dot of `e.g.`, `etc.`, `Sr.` or `Dr.` ends an abbreviation, not a sentence. */
const ABBREVIATIONS = new Set(['eg', 'ie', 'etc', 'vs', 'incl', 'approx', 'sr', 'jr', 'min', 'max', 'dept', 'dr', 'mr', 'mrs', 'prof', 'st']);

function gapAfter(previous: Token, gap: string): string {
  return gap.startsWith('.') && ABBREVIATIONS.has(previous.key) ? gap.slice(1) : gap;
}

function classifyGap(gap: string): Gap {
  if (/[\n.;:!?•·▪►*]/.test(gap)) return 'stop';
  if (/[,()[\]{}"“”|–—]/.test(gap) || /\s-|-\s/.test(gap)) return 'list';
  if (gap.includes('/')) return 'slash';
  if (gap === '-') return 'hyphen';
  if (/^\s*$/.test(gap)) return 'space';
  return 'list';
}

/**
 * Lower-cased, inner dots and apostrophes dropped (`Node.js` = `NodeJS`, `Master's` = `Masters`),
 * a leading dot kept (`.NET` is not `net`), and a plural `s` dropped from words longer than three
 * letters (`APIs` = `API`, `technologies` = `technology`). Alias and text go through the same
 * function, so a collapsed pair only matters if two different skills collapse together, which the
 * taxonomy loader rejects.
 */
export function matchKey(raw: string): string {
  const lower = raw.toLowerCase().replace(/’/g, "'");
  if (/^[\d.]+\+?$/.test(lower)) return lower;
  const lead = lower.startsWith('.') ? '.' : '';
  const compact = lead + lower.slice(lead.length).replace(/'s$/, '').replace(/['.]/g, '');
  return singular(compact);
}

/** Words ending in `s` that are not plurals: `Canvas` is not the plural of `Canva`, nor CMMS of CMM. */
const NOT_PLURAL = new Set(['canvas', 'atlas', 'alias', 'bias', 'lens', 'gas', 'texas', 'kansas', 'arkansas', 'christmas', 'cmms', 'hrms']);

function singular(word: string): string {
  if (word.length <= 3 || /[^\p{L}\p{N}]/u.test(word) || NOT_PLURAL.has(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  // not "class", "status", "analysis", "Redis"; but "APIs" and "KPIs" are plurals
  if (/[^su]s$/.test(word) && (!word.endsWith('is') || word.length === 4)) return word.slice(0, -1);
  return word;
}
