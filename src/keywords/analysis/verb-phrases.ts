import type { Candidate } from './candidate';
import type { Skill, VerbIndex } from './taxonomy';
import { Token } from './tokenizer';

/**
 * Requirements written as verbs: "teach patients and caregivers" asks for Patient Education,
 * "reconcile payroll to the general ledger" for Account Reconciliation, "negotiate pricing
 * agreements" for Contract Negotiation, "troubleshoot circuits" for Electrical Troubleshooting.
 *
 * A verb phrase (taxonomy/verb-phrases.json) is a set of verbs and a set of objects. It names its
 * skill when one of the verbs, in any inflection ("teach", "teaches", "teaching", "taught"), is
 * followed within a few words of the same clause by one of the objects. To keep nouns out
 * ("SPC charts", "a chart of accounts"), a base or past form only counts where a verb can stand:
 * at the start of a clause or list item, or after `to`, `and`, `or`, a modal or a pronoun
 * ("you'll teach", "able to teach", "hire, train and coach"); an `-ing` form counts anywhere
 * ("3+ years designing mechanical assemblies").
 *
 * A plain match that is only the verb itself ("troubleshoot" for Troubleshooting, "negotiate" for
 * Negotiation) gives way to the more specific skill of the phrase.
 */

export { inflect } from './verb-forms';

export interface VerbPhraseMatch {
  candidate: Candidate;
  /** The verb's tokens, [verbFrom, verbTo). */
  verbFrom: number;
  verbTo: number;
}

/** How many words may stand between the verb and the start of its object. */
export const MAX_WORDS_BEFORE_OBJECT = 6;

/** Words after which a base form is a verb: "able to teach", "you'll coach", "hire and train". */
const VERB_LEADS = new Set([
  'to', 'and', 'or', 'will', 'can', 'could', 'would', 'must', 'should', 'may', 'might', 'also', 'then',
  'help', 'helps', 'you', 'we', 'they', 'who', 'youll', 'well', 'theyll', 'ill', 'please', 'independently',
]);

export function findVerbPhrases(tokens: Token[], index: VerbIndex): VerbPhraseMatch[] {
  const found: VerbPhraseMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const entries = index.get(tokens[i].key);
    if (!entries) continue;
    const seen = new Set<Skill>();
    for (const { phrase, form } of entries) {
      if (seen.has(phrase.skill) || !startsWith(tokens, i, form.keys)) continue;
      if (!form.gerund && !inVerbPosition(tokens, i)) continue;
      const verbTo = i + form.keys.length;
      const object = objectAfter(tokens, verbTo, phrase.objects);
      if (object === null) continue;
      seen.add(phrase.skill);
      found.push({ candidate: { alias: { skill: phrase.skill, exact: null }, from: i, to: object }, verbFrom: i, verbTo });
    }
  }
  return found;
}

function startsWith(tokens: Token[], at: number, keys: string[]): boolean {
  return keys.every((key, k) => tokens[at + k]?.key === key && (k === 0 || tokens[at + k].gapBefore === 'space' || tokens[at + k].gapBefore === 'hyphen'));
}

export function inVerbPosition(tokens: Token[], i: number): boolean {
  const gap = tokens[i].gapBefore;
  if (i === 0 || gap === 'stop' || gap === 'list') return true;
  return gap === 'space' && VERB_LEADS.has(tokens[i - 1].key);
}

/** The end of the first object starting within reach of `from`, in the same clause; or null. */
function objectAfter(tokens: Token[], from: number, objects: string[][]): number | null {
  for (let j = from; j < tokens.length && j <= from + MAX_WORDS_BEFORE_OBJECT; j++) {
    if (tokens[j].gapBefore === 'stop') return null;
    for (const object of objects) {
      const end = j + object.length;
      if (end > tokens.length) continue;
      const joined = object.every((key, k) => tokens[j + k].key === key && (k === 0 || tokens[j + k].gapBefore !== 'stop' && tokens[j + k].gapBefore !== 'list'));
      const wholeWord = tokens[end]?.gapBefore !== 'hyphen' && (j === from || tokens[j].gapBefore !== 'hyphen');
      if (joined && wholeWord) return end;
    }
  }
  return null;
}
