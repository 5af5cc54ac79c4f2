/** Deterministic, offline keyword analysis of job postings (and skill extraction from any text). */
export { ANALYZER_VERSION, analyzeJob } from './analyze-job';
export { extractSkills } from './extract-skills';
export type { ExtractedSkill } from './extract-skills';
export type { JobPosting } from './segment';
export { findSkillMentions } from './skill-mentions';
export type { SkillMention } from './skill-mentions';
export { skillNamed, TAXONOMY } from './taxonomy';
export type { Skill, Taxonomy } from './taxonomy';
export { tokenize } from './tokenizer';
export type { Token } from './tokenizer';
