import type { ResumeContent } from '../../contracts/generations/content';
import type { ParseBackOutcome } from '../../contracts/generations/parse-back';
import type { QualityReport } from '../../contracts/generations/quality';
import type { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { Assessment, round, weigh } from './checks';
import { sectionCompleteness } from './completeness';
import { findKeywords, keywordCoverage, keywordMatches } from './coverage';
import { keywordDensity } from './density';
import { formatCompliance } from './format';
import { jobKeywords } from './job-keywords';
import { resumeLines } from './resume-lines';

/** Bump when a rule, weight or threshold changes, so stored reports can be told apart. */
export const SCORER_VERSION = 'quality-1.1.0';

/**
 * ats_score = Σ weight × component score. Keyword coverage dominates because an ATS ranks a resume
 * for a job by the job's keywords; the other three are hygiene that costs points when it fails, so
 * a tidy resume that matches nothing still scores low. When a component does not apply (score
 * null), the weights of the others are scaled up to sum to 1.
 */
export const COMPONENT_WEIGHTS = {
  keyword_coverage: 0.7,
  keyword_density: 0.1,
  section_completeness: 0.1,
  format_compliance: 0.1,
} as const;

type ComponentName = keyof typeof COMPONENT_WEIGHTS;

/**
 * How well a generated resume would fare with an ATS for the analysed job, with the evidence. Pure
 * and deterministic. `parseBack`, when the exports were read back, feeds format compliance's
 * parse_back check; without it that check does not apply.
 */
export function scoreResume(content: ResumeContent, analysis: KeywordAnalysis, parseBack: ParseBackOutcome[] | null = null): QualityReport {
  const lines = resumeLines(content);
  const found = findKeywords(jobKeywords(analysis), lines);
  const { matched, missing, matchRate } = keywordMatches(found);
  const assessments: Record<ComponentName, Assessment> = {
    keyword_coverage: keywordCoverage(found, lines),
    keyword_density: keywordDensity(lines),
    section_completeness: sectionCompleteness(content, lines),
    format_compliance: formatCompliance(content, lines, parseBack),
  };
  const { ats, components } = weigh(assessments, COMPONENT_WEIGHTS);
  return {
    scorer_version: SCORER_VERSION,
    ats_score: ats,
    keyword_match_rate: matchRate === null ? null : round(matchRate),
    components,
    matched_keywords: matched,
    missing_keywords: missing,
    suggestions: [
      ...assessments.section_completeness.suggestions,
      ...assessments.keyword_coverage.suggestions,
      ...assessments.keyword_density.suggestions,
      ...assessments.format_compliance.suggestions,
    ],
  };
}
