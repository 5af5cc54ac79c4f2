import { KeywordAnalysis, SkillCategory } from '../../../contracts/jobs/keyword-analysis';
import { educationLevel } from './education';
import { yearsOfExperience } from './experience';
import { atsKeywords, collectEvidence, prioritize, requirementOf, SkillEvidence, weightOf } from './priority';
import { JobPosting } from './segment';
import { segmentPosting } from './sections';
import { findSkillMentions } from './skill-mentions';
import { seniority } from './seniority';

/** Bump when the rules or the taxonomy change, so stored analyses can be told apart. */
export const ANALYZER_VERSION = 'keywords-1.1.0';

/**
 * Keyword analysis of a job posting: deterministic, offline, no I/O. Skills come from the bundled
 * taxonomy; the section a skill appears in decides required vs preferred (see sections.ts and
 * requirement-cues.ts) and its weight (see priority.ts).
 */
export function analyzeJob(posting: JobPosting): KeywordAnalysis {
  const segments = segmentPosting(posting, (line) => findSkillMentions(line).length > 0);
  const evidence = collectEvidence(segments, posting.company);
  const ordered = [...evidence].sort((a, b) => weightOf(b) - weightOf(a) || a.firstSeen - b.firstSeen);
  const names = (requirement: 'required' | 'preferred') =>
    ordered.filter((e) => requirementOf(e) === requirement).map((e) => e.skill.name);
  const years = yearsOfExperience(segments);
  return {
    analyzer_version: ANALYZER_VERSION,
    required_skills: names('required'),
    preferred_skills: names('preferred'),
    ats_keywords: atsKeywords(ordered),
    priority_keywords: prioritize(evidence),
    skill_categories: byCategory(ordered),
    years_of_experience: years,
    education_level: educationLevel(segments),
    seniority: seniority(posting.title, segments, years),
  };
}

function byCategory(ordered: SkillEvidence[]): KeywordAnalysis['skill_categories'] {
  const groups: KeywordAnalysis['skill_categories'] = {};
  for (const category of SkillCategory.options) {
    const skills = ordered.filter((e) => e.skill.category === category).map((e) => e.skill.name);
    if (skills.length > 0) groups[category] = skills;
  }
  return groups;
}
