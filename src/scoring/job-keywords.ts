import type { KeywordAnalysis, SkillRequirement } from '../../contracts/jobs/keyword-analysis';
import { ExtractedSkill, skillNamed } from '../keywords';

/**
 * How much a missing or present skill counts relative to the others:
 *   value = priority weight (from the analysis) × requirement factor (required 1, preferred 0.5).
 * The analyzer already weighs required skills higher; the factor makes sure a much-repeated "nice
 * to have" never outweighs a required skill. A skill the analysis lists without a priority entry
 * takes the analyzer's section weight (required 0.6, preferred 0.3).
 */
export const REQUIREMENT_FACTOR: Record<SkillRequirement, number> = { required: 1, preferred: 0.5 };
const SECTION_WEIGHT: Record<SkillRequirement, number> = { required: 0.6, preferred: 0.3 };

export interface JobKeyword {
  keyword: string;
  requirement: SkillRequirement;
  /** The priority weight of the analysis. */
  weight: number;
  value: number;
  /** Lower-case canonical taxonomy name, or null for a name the taxonomy does not know. */
  skillKey: string | null;
}

/** The job's required and preferred skills by descending value, then the analysis' order. */
export function jobKeywords(analysis: KeywordAnalysis): JobKeyword[] {
  const seen = new Set<string>();
  const keywords: JobKeyword[] = [];
  const requirements: Array<[string[], SkillRequirement]> = [[analysis.required_skills, 'required'], [analysis.preferred_skills, 'preferred']];
  for (const [names, requirement] of requirements) {
    for (const keyword of names) {
      if (seen.has(keyword.toLowerCase())) continue;
      seen.add(keyword.toLowerCase());
      const priority = analysis.priority_keywords.find((p) => p.keyword.toLowerCase() === keyword.toLowerCase());
      const weight = priority?.weight ?? SECTION_WEIGHT[requirement];
      keywords.push({ keyword, requirement, weight, value: weight * REQUIREMENT_FACTOR[requirement], skillKey: skillNamed(keyword)?.name.toLowerCase() ?? null });
    }
  }
  // all priority weights 0 (a hand-written analysis): the requirement factor alone tells them apart
  if (keywords.length > 0 && keywords.every((k) => k.value === 0)) {
    for (const k of keywords) k.value = REQUIREMENT_FACTOR[k.requirement];
  }
  return keywords.map((k, order) => ({ k, order }))
    .sort((a, b) => b.k.value - a.k.value || a.order - b.order)
    .map(({ k }) => k);
}

/** Whether a line names the keyword: by taxonomy (so synonyms count), or as a whole phrase for names the taxonomy lacks. */
export function lineNames(line: { text: string; skills: ExtractedSkill[] }, keyword: JobKeyword): boolean {
  if (keyword.skillKey !== null) return line.skills.some((s) => s.skill.toLowerCase() === keyword.skillKey);
  const escaped = keyword.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(line.text);
}
