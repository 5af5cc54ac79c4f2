/**
 * The keyword engine: a skills taxonomy, skill extraction from any text, the keyword analysis of
 * a job posting, and relevance ranking for job search. Pure and offline; it imports only
 * `contracts/`. Jobs, projections and (next) the ATS scorer use it through this file alone.
 */
export { ANALYZER_VERSION, analyzeJob, extractSkills, skillNamed, TAXONOMY } from './analysis';
export type { ExtractedSkill, JobPosting, Skill, Taxonomy } from './analysis';
export { documentFrequencies, queryTerms, rankJobs, rankPage, isStored, searchFields, searchTerms, SEARCH_INDEX_VERSION, sortedIndexOf } from './search';
export type { CandidateFacts, CorpusStats, RankableJob, RankOptions, SearchableJob, StoredSearchIndex } from './search';
