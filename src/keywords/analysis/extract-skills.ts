import type { SkillCategory } from '../../../contracts/jobs/keyword-analysis';
import { findSkillMentions } from './skill-mentions';
import { TAXONOMY, Taxonomy } from './taxonomy';

/** A skill found in a text, with every place it is named. */
export interface ExtractedSkill {
  /** Canonical name from the taxonomy. */
  skill: string;
  category: SkillCategory;
  /** UTF-16 offsets into the text, in order. */
  offsets: Array<{ start: number; end: number }>;
}

/**
 * The skills named in any text (a job posting, a resume), in order of first mention. Section-
 * agnostic: use `analyzeJob` for required vs preferred. The resume scorer uses this to match a
 * resume against a job's `required_skills` and `preferred_skills`.
 */
export function extractSkills(text: string, taxonomy: Taxonomy = TAXONOMY): ExtractedSkill[] {
  const bySkill = new Map<string, ExtractedSkill>();
  for (const mention of findSkillMentions(text, taxonomy)) {
    const found = bySkill.get(mention.skill.name) ?? { skill: mention.skill.name, category: mention.skill.category, offsets: [] };
    found.offsets.push({ start: mention.start, end: mention.end });
    bySkill.set(mention.skill.name, found);
  }
  return [...bySkill.values()];
}
