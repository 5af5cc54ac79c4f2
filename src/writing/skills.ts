import type { SkillCategory } from '../../contracts/jobs/keyword-analysis';
import type { ProfileView } from '../../contracts/profiles/read-model';
import { extractSkills, skillNamed } from '../keywords';

/**
 * Skills as the keyword engine knows them. A profile's skill is named the profile's way
 * ("Kafka") and matched to the job the taxonomy's way ("Apache Kafka").
 */

export interface SkillMention {
  /** Canonical name. */
  skill: string;
  category: SkillCategory;
  /** The text as written, e.g. "Postgres". */
  spelling: string;
}

/** Every skill named in a text, with the spelling used there. */
export function skillsIn(text: string): SkillMention[] {
  return extractSkills(text).map((found) => ({
    skill: found.skill,
    category: found.category,
    spelling: text.slice(found.offsets[0].start, found.offsets[0].end),
  }));
}

/** The canonical name of a skill list entry ("Kafka" → "Apache Kafka"), or null when the taxonomy does not know it. */
export function canonicalSkill(name: string): { skill: string; category: SkillCategory } | null {
  const named = skillNamed(name);
  if (named) return { skill: named.name, category: named.category };
  // Spellings that are also everyday words ("Kafka", "Go") count only in a skill context: give them one.
  const context = 'experience with ';
  const found = extractSkills(name)[0] ?? extractSkills(`${context}${name}`).find((s) => s.offsets[0].start >= context.length);
  return found ? { skill: found.skill, category: found.category } : null;
}

/** A skill from the profile's own skill lists; `list` and `index` say where it is. */
export interface ListedSkill {
  name: string;
  list: 'technical' | 'soft';
  index: number;
  canonical: string | null;
  category: SkillCategory | null;
}

export function listedSkills(profile: ProfileView): ListedSkill[] {
  const list = (names: string[], kind: 'technical' | 'soft') =>
    names.map((name, index) => {
      const canonical = canonicalSkill(name);
      return { name, list: kind, index, canonical: canonical?.skill ?? null, category: canonical?.category ?? null };
    });
  return [...list(profile.skills.technical, 'technical'), ...list(profile.skills.soft, 'soft')];
}
