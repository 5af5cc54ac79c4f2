import type { PriorityKeyword, SkillRequirement } from '../../../contracts/jobs/keyword-analysis';
import type { Context, Segment } from './segment';
import { maskNonSkillText } from './masking';
import { findSkillMentions } from './skill-mentions';
import { Skill, TAXONOMY, Taxonomy } from './taxonomy';
import { keyOf, tokenize } from './tokenizer';

/** Everything the posting says about one skill. */
export interface SkillEvidence {
  skill: Skill;
  contexts: Set<Context>;
  occurrences: number;
  /** Position of the first mention in the posting, for stable ordering. */
  firstSeen: number;
  /** Short spellings the posting used that are themselves aliases of the skill ("k8s", "Postgres"). */
  spellings: string[];
}

export function collectEvidence(segments: Segment[], company?: string, taxonomy: Taxonomy = TAXONOMY): SkillEvidence[] {
  const bySkill = new Map<string, SkillEvidence>();
  let position = 0;
  for (const segment of segments) {
    if (segment.context === 'ignored') continue;
    for (const mention of findSkillMentions(maskNonSkillText(segment.text, company), taxonomy)) {
      if (segment.span && (mention.start < segment.span.start || mention.start >= segment.span.end)) continue;
      const evidence = bySkill.get(mention.skill.name) ?? {
        skill: mention.skill, contexts: new Set<Context>(), occurrences: 0, firstSeen: position++, spellings: [],
      };
      evidence.contexts.add(segment.context);
      evidence.occurrences++;
      if (isShortAlias(mention.text, mention.skill, taxonomy)) evidence.spellings.push(mention.text);
      bySkill.set(mention.skill.name, evidence);
    }
  }
  return [...bySkill.values()];
}

/** A spelling worth repeating as an ATS keyword: an alias of the skill of at most three words. */
function isShortAlias(text: string, skill: Skill, taxonomy: Taxonomy): boolean {
  const tokens = tokenize(text);
  return tokens.length <= 3 && taxonomy.aliases.get(keyOf(tokens))?.skill === skill;
}

/**
 * Required when the title, the requirements or the responsibilities name the skill. A skill that
 * the description mentions and a "nice to have" repeats is preferred: the explicit cue wins over
 * a stack listing. A skill only in the description is required.
 */
const ASKED: Context[] = ['title', 'required', 'responsibility'];

export function requirementOf(evidence: SkillEvidence): SkillRequirement {
  const asked = ASKED.some((c) => evidence.contexts.has(c));
  return asked || !evidence.contexts.has('preferred') ? 'required' : 'preferred';
}

/**
 * weight = min(1, section + title + repetition), rounded to two decimals, where
 *   section    = the best of required 0.6, responsibilities 0.5, description 0.4, preferred 0.3
 *   title      = 0.25 when the job title names the skill
 *   repetition = 0.05 per mention after the first, at most 0.15
 */
const SECTION_WEIGHT: Record<Exclude<Context, 'ignored'>, number> = {
  required: 0.6, title: 0.6, responsibility: 0.5, description: 0.4, preferred: 0.3,
};

export function weightOf(evidence: SkillEvidence): number {
  const contexts = [...evidence.contexts].filter((c): c is Exclude<Context, 'ignored'> => c !== 'ignored');
  const section = Math.max(...contexts.map((c) => SECTION_WEIGHT[c]));
  const title = evidence.contexts.has('title') ? 0.25 : 0;
  const repetition = Math.min(evidence.occurrences - 1, 3) * 0.05;
  return Math.round(Math.min(1, section + title + repetition) * 100) / 100;
}

/** By descending weight, then order of first mention. */
export function prioritize(evidence: SkillEvidence[]): PriorityKeyword[] {
  return evidence
    .map((e) => ({ e, weight: weightOf(e) }))
    .sort((a, b) => b.weight - a.weight || a.e.firstSeen - b.e.firstSeen)
    .map(({ e, weight }) => ({
      keyword: e.skill.name,
      weight,
      category: e.skill.category,
      requirement: requirementOf(e),
      occurrences: e.occurrences,
    }));
}

/** Canonical names in priority order, each followed by the posting's own other spellings. */
export function atsKeywords(ordered: SkillEvidence[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const e of ordered) {
    for (const word of [e.skill.name, ...e.spellings]) {
      if (seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      keywords.push(word);
    }
  }
  return keywords;
}
