import type { Alias } from './taxonomy';

/** A match over tokens `[from, to)`; `exact` spellings still need a skill context. */
export interface Candidate {
  alias: Alias;
  from: number;
  to: number;
}
