import type { GenerationInput } from '../../../contracts/generations/content';
import type { ViolationKind } from '../../../contracts/generations/fabrication';
import { escapeRegExp } from '../text';
import type { ProfileFacts } from './profile-facts';

/** What every check reads. */
export interface CheckContext {
  input: GenerationInput;
  facts: ProfileFacts;
}

/** A finding before it is placed: the kind and the offending token. */
export interface Finding {
  kind: ViolationKind;
  text: string;
}

/** A capitalized name: words starting upper-case, with inner dots ("M.Sc", "Node.js") but not a sentence's full stop. */
export const NAME_WORD = "(?!I\\b)[\\p{Lu}][\\p{L}\\p{N}&'+#-]*(?:\\.(?=[\\p{L}\\p{N}])[\\p{L}\\p{N}&'+#-]*)*";

const wholeWords = (phrase: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase.trim())}(?![\\p{L}\\p{N}])`, flags);

/** Whether `text` names `phrase` as whole words, case aside. */
export function mentions(text: string, phrase: string): boolean {
  if (!phrase.trim()) return false;
  return wholeWords(phrase, 'iu').test(text);
}

/** `text` with every whole-word occurrence of the phrases blanked. */
export function blank(text: string, phrases: string[]): string {
  return phrases
    .filter((p) => p.trim())
    .reduce((t, p) => t.replace(wholeWords(p, 'giu'), (m) => ' '.repeat(m.length)), text);
}

/** Whether the target company is also one of the profile's employers (a boomerang hire). */
export function targetIsPastEmployer({ input }: CheckContext): boolean {
  return input.profile.experiences.some((e) => e.company.toLowerCase() === input.job.company.toLowerCase());
}
