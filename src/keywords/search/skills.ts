import { extractSkills, TAXONOMY, tokenize } from '../analysis';
import { fold } from './fold';

/**
 * Skill terms come from the skills taxonomy (src/jobs/analysis), so every alias of a skill finds
 * the same jobs: `k8s` = `Kubernetes`, `js` = `JavaScript`, `postgres` = `PostgreSQL`,
 * `react.js` = `React`. The term is the canonical name behind a prefix no word can have, so the
 * concept and the word `kubernetes` are two different terms.
 */
export const SKILL_PREFIX = 'skill:';

/** A skill term and the part of the text that named it (UTF-16 offsets). */
export interface SkillHit {
  term: string;
  start: number;
  end: number;
}

export function skillTerm(canonicalName: string): string {
  return SKILL_PREFIX + fold(canonicalName);
}

/**
 * The skills a posting names, as the analysis module reads them: spellings that are also
 * ordinary words (`Go`, `Swift`, `Spring`, `R`) count only with the taxonomy's case and in a
 * skill context ("experience in Go"), never "go-to-market".
 */
export function documentSkills(text: string): SkillHit[] {
  return extractSkills(text).flatMap((skill) =>
    skill.offsets.map(({ start, end }) => ({ term: skillTerm(skill.skill), start, end })),
  );
}

/**
 * The skills a query names. A search box gives no sentence to judge `go` or `swift` by, and a
 * person who types the name of a language or tool into a job search means it, so in a query an
 * ambiguous spelling names its skill whatever its case. The word itself is searched too, unless
 * it is a stop word (`go`): `swift` also finds "swift onboarding", `chef` also finds chefs.
 */
export function querySkills(text: string): SkillHit[] {
  const ambiguous = tokenize(text).flatMap((token) => {
    const alias = TAXONOMY.aliases.get(token.key);
    return alias?.skill && alias.exact !== null ? [{ term: skillTerm(alias.skill.name), start: token.start, end: token.end }] : [];
  });
  return [...documentSkills(text), ...ambiguous];
}

/**
 * Ambiguous spellings in a short field such as a title ("Backend Engineer (Go)") have no skill
 * context of their own; they count when written with the taxonomy's case and the rest of the
 * posting names the same skill.
 */
export function confirmedAmbiguousSkills(text: string, postingSkills: ReadonlySet<string>): SkillHit[] {
  return tokenize(text).flatMap((token) => {
    const alias = TAXONOMY.aliases.get(token.key);
    if (!alias?.skill || alias.exact !== token.text) return [];
    const term = skillTerm(alias.skill.name);
    return postingSkills.has(term) ? [{ term, start: token.start, end: token.end }] : [];
  });
}
