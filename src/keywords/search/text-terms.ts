import type { SkillHit } from './skills';
import { searchTokens } from './words';

/** The terms of one piece of text. */
export interface TextTerms {
  /** One term per meaningful word, in order: what phrases are matched against. */
  sequence: string[];
  /** The same words as written, folded and singular (`Nurses` -> `nurse`). */
  surfaces: string[];
  /** Terms that are not words of their own: compounds, parts of `ui/ux`, skill terms. */
  extras: string[];
}

/** `text` must be NFC-normalised and `skills` found in that same string. */
export function textTerms(text: string, skills: SkillHit[] = []): TextTerms {
  const sequence: string[] = [];
  const surfaces: string[] = [];
  const extras: string[] = [];
  for (const token of searchTokens(text)) {
    if (token.term !== null) sequence.push(token.term);
    if (token.surface !== null) surfaces.push(token.surface);
    extras.push(...token.parts);
    if (token.compound !== null) extras.push(token.compound);
  }
  extras.push(...skills.map((hit) => hit.term));
  return { sequence, surfaces, extras };
}
