import type { Candidate } from './candidate';
import type { Taxonomy } from './taxonomy';
import { Token } from './tokenizer';

/**
 * Guards against spellings of a skill that are used as something else in the sentence.
 *
 * - An everyday verb: "React quickly and calmly to emergencies", "you will react to...". A
 *   one-word skill listed in not-skills.json `everydayVerbs` is a verb when a modal, `to` or a
 *   pronoun comes before it ("to react"), or when a determiner or an `-ly` adverb follows it
 *   ("react quickly", "braze the joints"). "Use React to build" and "React and TypeScript" stay
 *   skills.
 * - A person's name: "report to Maria Jenkins", "Dr. Jenkins", "Chef Daniel Rust", "Ruby Alvarez,
 *   our VP of People". A capitalised one-word skill is a surname after an honorific or a given
 *   name (not-skills.json `givenNames`), and a given name itself when a capitalised word that is
 *   not a skill follows it.
 */

const BEFORE_VERB = new Set(['to', 'will', 'can', 'could', 'would', 'must', 'should', 'may', 'might', 'youll', 'theyll', 'we', 'you', 'they', 'i']);
const AFTER_VERB = new Set(['a', 'an', 'the', 'your', 'our', 'their', 'his', 'her', 'its', 'every', 'each', 'all', 'any', 'this', 'these', 'those']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'chef']);

export function usedAsEverydayVerb(tokens: Token[], c: Candidate, taxonomy: Taxonomy): boolean {
  if (c.to - c.from !== 1 || !taxonomy.everydayVerbs.has(tokens[c.from].key)) return false;
  const previous = tokens[c.from - 1];
  const next = tokens[c.to];
  if (previous && tokens[c.from].gapBefore === 'space' && BEFORE_VERB.has(previous.key)) return true;
  if (!next || next.gapBefore !== 'space') return false;
  const adverb = next.key.length > 4 && next.key.endsWith('ly');
  return AFTER_VERB.has(next.key) || adverb;
}

export function namesAPerson(tokens: Token[], c: Candidate, taxonomy: Taxonomy, skillStarts: Set<number>): boolean {
  if (c.to - c.from !== 1 || !capitalised(tokens[c.from])) return false;
  const previous = tokens[c.from - 1];
  const next = tokens[c.to];
  const joined = (t: Token | undefined) => t !== undefined && t.gapBefore === 'space';
  if (previous && joined(tokens[c.from]) && (HONORIFICS.has(previous.key) && capitalised(previous) || capitalised(previous) && taxonomy.givenNames.has(previous.key))) {
    return true;
  }
  return taxonomy.givenNames.has(tokens[c.from].key) && joined(next) && capitalised(next) && !skillStarts.has(c.to);
}

function capitalised(token: Token): boolean {
  return /^\p{Lu}\p{Ll}/u.test(token.text);
}
