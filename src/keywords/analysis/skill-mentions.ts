import type { Candidate } from './candidate';
import { expandCoordinations } from './coordination';
import { namesAPerson, usedAsEverydayVerb } from './guards';
import { acceptInContext } from './skill-context';
import { Alias, Skill, TAXONOMY, Taxonomy } from './taxonomy';
import { Gap, keyOf, Token, tokenize } from './tokenizer';
import { findVerbPhrases } from './verb-phrases';

/** One place in a text where a skill is named. Offsets are UTF-16 indices into that text. */
export interface SkillMention {
  skill: Skill;
  start: number;
  end: number;
  /** The text as written, e.g. `k8s` for Kubernetes. */
  text: string;
}


/** A multi-word alias may span spaces, hyphens and slashes, never list or sentence punctuation. */
export const JOINS_WORDS: ReadonlySet<Gap> = new Set<Gap>(['space', 'hyphen', 'slash']);

/**
 * Words after a skill that make it the name of a team ("the Marketing team"), of colleagues
 * ("merchandising leads") or of a place in a plant ("packaging lines"), not a skill. Roles count only in the plural, so the title "Social
 * Media Manager" still names Social Media Marketing.
 */
const ORG_UNITS = new Set(['team', 'teams', 'department', 'departments', 'org', 'organization', 'organisation', 'function']);
const COLLEAGUES = new Set(['leads', 'managers', 'directors', 'leaders', 'partners']);
/** "two packaging lines", "the assembly floor": a place in a plant, not a skill. */
const PLACES = new Set(['line', 'lines', 'floor', 'floors']);

/**
 * Every skill mention in `text`, in order. Matching is greedy longest-first over token keys, so
 * `machine learning` wins over `learning` and `React Native` over `React`.
 */
export function findSkillMentions(text: string, taxonomy: Taxonomy = TAXONOMY): SkillMention[] {
  const tokens = tokenize(text);
  const longest = longestMatches(tokens, taxonomy);
  const starts = new Set(longest.filter((c) => c.alias.skill !== null).map((c) => c.from));
  const phrases = findVerbPhrases(tokens, taxonomy.verbPhrases);
  const onlyTheVerb = (c: Candidate) => phrases.some((p) => c.from >= p.verbFrom && c.to <= p.verbTo);
  const matched = longest.filter((c) =>
    !namesAnOrgUnit(tokens, c) && !onlyTheVerb(c) && !usedAsEverydayVerb(tokens, c, taxonomy) && !namesAPerson(tokens, c, taxonomy, starts));
  const expanded = acceptInContext(text, tokens, expandCoordinations(tokens, matched, taxonomy));
  // a phrase that only repeats a spelling already matched ("screen applicants") is not a second mention
  const sameSpelling = (p: Candidate) => expanded.some((c) => c.alias.skill === p.alias.skill && c.from <= p.from && c.to >= p.to);
  const accepted = [...expanded, ...phrases.map((p) => p.candidate).filter((p) => !sameSpelling(p))].sort((a, b) => a.from - b.from);
  const mentions: SkillMention[] = [];
  for (const [i, c] of accepted.entries()) {
    const skill = c.alias.skill;
    if (skill === null || restatesAsAcronym(text, tokens, accepted[i - 1], c)) continue;
    const start = tokens[c.from].start;
    const end = tokens[c.to - 1].end;
    mentions.push({ skill, start, end, text: text.slice(start, end) });
  }
  return mentions;
}

function longestMatches(tokens: Token[], taxonomy: Taxonomy): Candidate[] {
  const found: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidate = longestAt(tokens, i, taxonomy);
    if (candidate) found.push(candidate);
    i = candidate ? candidate.to : i + 1;
  }
  return found;
}

function longestAt(tokens: Token[], from: number, taxonomy: Taxonomy): Candidate | null {
  let joined = 1;
  while (joined < taxonomy.maxTokens && from + joined < tokens.length && JOINS_WORDS.has(tokens[from + joined].gapBefore)) {
    joined++;
  }
  for (let to = from + joined; to > from; to--) {
    const alias = lookup(tokens, from, to, taxonomy);
    if (alias && (alias.exact === null || spelledExactly(tokens, from, to, alias.exact))) return { alias, from, to };
  }
  return null;
}

function lookup(tokens: Token[], from: number, to: number, taxonomy: Taxonomy): Alias | undefined {
  return taxonomy.aliases.get(keyOf(tokens.slice(from, to)));
}

/** Exact case, except that a lower-case spelling ("regression") may start with a capital. */
function spelledExactly(tokens: Token[], from: number, to: number, exact: string): boolean {
  const text = tokens.slice(from, to).map((t) => t.text).join(' ');
  return text === exact || (exact === exact.toLowerCase() && text === exact[0].toUpperCase() + exact.slice(1));
}

/**
 * "Certified Medical Assistant (CMA)": an acronym in brackets right after the words it abbreviates
 * restates them; it is not a second skill (here, not the accounting CMA) nor a second mention.
 */
function restatesAsAcronym(text: string, tokens: Token[], previous: Candidate | undefined, c: Candidate): boolean {
  if (!previous || previous.to !== c.from || c.to - c.from !== 1) return false;
  const acronym = tokens[c.from].text;
  const initials = tokens.slice(previous.from, previous.to).map((t) => t.text[0]).join('').toUpperCase();
  const bracketed = text.slice(tokens[c.from - 1].end, tokens[c.from].start).includes('(');
  return bracketed && /^[A-Z]{2,6}$/.test(acronym) && initials === acronym;
}

function namesAnOrgUnit(tokens: Token[], c: Candidate): boolean {
  const next = tokens[c.to];
  if (next === undefined || next.gapBefore !== 'space') return false;
  const word = next.text.toLowerCase();
  return ORG_UNITS.has(word) || COLLEAGUES.has(word) || PLACES.has(word);
}
