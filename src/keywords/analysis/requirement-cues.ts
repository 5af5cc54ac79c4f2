import type { Context, Segment } from './segment';

/**
 * Cue phrases that make a sentence (or part of it) a "nice to have":
 * - a trailing cue marks the whole sentence: "Kafka experience is a plus", "Terraform preferred",
 *   "Familiarity with Figma is nice to have";
 * - a leading cue marks what follows it: "Ideally, you know Rust", "Bonus points for Elixir",
 *   "SQL, and preferably dbt";
 * - a bracket with a cue marks its own content: "Python (Django a plus)".
 * A required cue ("must", "required") in a description sentence raises it to `required`.
 */

const TRAILING = phrases(
  [
    '(?:is|are|would be|as|a|an|big|huge|definite|strong|real)\\s+(?:plus|bonus|advantage)', 'plus\\s*[.!)]*\\s*$',
    'nice[- ]to[- ]haves?', '(?<!your |their |our )preferred', 'desired', 'desirable', 'advantageous', 'helpful',
    'not required', 'not a requirement', 'optional', 'welcome', 'beneficial', 'a bonus',
  ],
  '\\b',
);
const LEADING = phrases([
  'ideally', 'preferably', 'bonus(?: points)?(?: for| if)?', 'extra credit(?: for| if)?', 'even better(?: if)?',
  "it'?s a plus if", 'plus:', 'nice to have:',
]);
const REQUIRED = phrases(['must', 'required', 'mandatory', 'essential', 'you have', 'you bring', 'we require', 'minimum'], '\\b');

function phrases(alternatives: string[], end = ''): RegExp {
  return new RegExp(`\\b(?:${alternatives.join('|')})${end}`, 'i');
}

export function preferenceOf(sentence: string, context: Context): Segment[] {
  const bracketed: Segment[] = [];
  const rest = sentence.replace(/\(([^()]*)\)/g, (whole, inner: string, offset: number) => {
    if (!TRAILING.test(inner) && !LEADING.test(inner)) return whole;
    bracketed.push({ text: sentence, context: 'preferred', span: { start: offset, end: offset + whole.length } });
    return ' '.repeat(whole.length);
  });
  return [...splitByCues(rest, context), ...bracketed];
}

function splitByCues(text: string, context: Context): Segment[] {
  if (TRAILING.test(text)) return [{ text, context: 'preferred' }];
  const leading = LEADING.exec(text);
  if (!leading) return [{ text, context: upgrade(text, context) }];
  const before = text.slice(0, leading.index);
  const after: Segment = { text, context: 'preferred', span: { start: leading.index, end: text.length } };
  if (!before.trim()) return [after];
  return [{ text, context: upgrade(before, context), span: { start: 0, end: leading.index } }, after];
}

function upgrade(text: string, context: Context): Context {
  return (context === 'description' || context === 'responsibility') && REQUIRED.test(text) ? 'required' : context;
}
