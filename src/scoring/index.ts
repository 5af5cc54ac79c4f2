/**
 * The ATS quality scorer: how well generated content would fare with an applicant tracking system
 * for one job, and why, with concrete suggestions. Pure and deterministic; it imports only
 * `contracts/` and the keyword engine (so synonyms count: "Postgres" is PostgreSQL).
 */
export { COMPONENT_WEIGHTS, SCORER_VERSION, scoreResume } from './score-resume';
export { LISTED_CREDIT } from './coverage';
export { REQUIREMENT_FACTOR } from './job-keywords';
export { SECTION_WEIGHTS } from './completeness';
export { FORMAT_WEIGHTS } from './format';
export { ALLOWED_PER_100_WORDS, MIN_ALLOWED } from './density';
export { COVER_LETTER_WEIGHTS, LETTER_WORDS, scoreCoverLetter, STRUCTURE_WEIGHTS } from './cover-letter';
