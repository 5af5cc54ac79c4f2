import type { CoverLetterContent } from '../../contracts/generations/content';
import type { CoverLetterMatchedKeyword, CoverLetterQualityReport, MissingKeyword } from '../../contracts/generations/quality';
import type { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { ExtractedSkill, extractSkills } from '../keywords';
import { Assessment, Measured, round, weigh } from './checks';
import { LISTED_CREDIT } from './coverage';
import { jobKeywords, JobKeyword, lineNames } from './job-keywords';
import { SCORER_VERSION } from './score-resume';
import { countWords, isKeywordList, listNames } from './text';

/**
 * Cover letter: ats_score = 0.6 × keyword coverage + 0.4 × structure. Coverage is the resume's
 * formula (value × credit), with full credit for a sentence in the opening, body or closing and
 * LISTED_CREDIT for a keyword list. Structure weighs the parts a reader expects; the body most.
 */
export const COVER_LETTER_WEIGHTS = { keyword_coverage: 0.6, structure: 0.4 } as const;
export const STRUCTURE_WEIGHTS = { greeting: 0.1, opening: 0.2, body: 0.3, closing: 0.15, signature: 0.1, length: 0.15 } as const;
/** 1 within this range; below it words / min, above it max / words. */
export const LETTER_WORDS = { min: 150, max: 450 } as const;

type Role = CoverLetterContent['paragraphs'][number]['role'];
const PROSE: ReadonlySet<Role> = new Set<Role>(['opening', 'body', 'closing']);

interface LetterLine { role: Role; path: string; text: string; skills: ExtractedSkill[]; keywordList: boolean; words: number }

export function scoreCoverLetter(content: CoverLetterContent, analysis: KeywordAnalysis): CoverLetterQualityReport {
  const lines: LetterLine[] = content.paragraphs.flatMap((p, i) => p.lines.map((line, j) => {
    const skills = extractSkills(line.text);
    return { role: p.role, path: `paragraphs[${i}].lines[${j}]`, text: line.text, skills, keywordList: isKeywordList(line.text, skills), words: countWords(line.text) };
  }));
  const found = jobKeywords(analysis).map((keyword) => {
    const where = lines.filter((l) => lineNames(l, keyword));
    return { keyword, where, inContext: where.some((l) => PROSE.has(l.role) && !l.keywordList) };
  });
  const total = found.reduce((sum, f) => sum + f.keyword.value, 0);
  const present = found.filter((f) => f.where.length > 0);
  const coverage = letterCoverage(found, total);
  const structure = letterStructure(content, lines);
  const { ats, components } = weigh({ keyword_coverage: coverage, structure }, COVER_LETTER_WEIGHTS);
  return {
    scorer_version: SCORER_VERSION,
    ats_score: ats,
    keyword_match_rate: found.length === 0 ? null : round(present.reduce((sum, f) => sum + f.keyword.value, 0) / total),
    components,
    matched_keywords: present.map(({ keyword, where, inContext }): CoverLetterMatchedKeyword => ({
      keyword: keyword.keyword, requirement: keyword.requirement, weight: keyword.weight, in_context: inContext,
      where: where.map((l) => ({ paragraph: l.role, line_path: l.path })),
    })),
    missing_keywords: found.filter((f) => f.where.length === 0)
      .map(({ keyword }): MissingKeyword => ({ keyword: keyword.keyword, requirement: keyword.requirement, weight: keyword.weight })),
    suggestions: [...structure.suggestions, ...coverage.suggestions],
  };
}

/** A letter names few skills by design: suggest only the most valuable missing ones. */
const MAX_LETTER_SUGGESTIONS = 3;

function letterCoverage(found: Array<{ keyword: JobKeyword; where: LetterLine[]; inContext: boolean }>, total: number): Assessment {
  if (found.length === 0) {
    return { detail: 'Not applicable: the job analysis names no required or preferred skills, so there is nothing to cover.', checks: [], suggestions: [] };
  }
  const checks: Measured[] = found.map((f) => ({
    check: f.keyword.keyword,
    baseWeight: f.keyword.value / total,
    score: f.inContext ? 1 : f.where.length > 0 ? LISTED_CREDIT : 0,
    note: f.inContext ? 'in a sentence' : f.where.length > 0 ? `only in a keyword list; ${LISTED_CREDIT} credit` : `missing (${f.keyword.requirement})`,
    line_paths: f.where.map((l) => l.path),
  }));
  const missing = found.filter((f) => f.where.length === 0 && f.keyword.requirement === 'required');
  const listed = found.filter((f) => f.where.length > 0 && !f.inContext);
  return {
    detail: `Of ${found.length} job skills, ${found.filter((f) => f.inContext).length} appear in sentences, ${listed.length} only in keyword lists, `
      + `${found.filter((f) => f.where.length === 0).length} not at all.`,
    checks,
    suggestions: [
      ...(missing.length > 0 ? [`Say in a body paragraph what you did with ${listNames(missing.slice(0, MAX_LETTER_SUGGESTIONS).map((f) => f.keyword.keyword))}, if you have used ${missing.length > 1 ? 'them' : 'it'}.`] : []),
      ...(listed.length > 0 ? [`Write ${listNames(listed.map((f) => f.keyword.keyword))} into sentences instead of a list.`] : []),
    ],
  };
}

function letterStructure(content: CoverLetterContent, lines: LetterLine[]): Assessment {
  const count = (role: Role) => content.paragraphs.filter((p) => p.role === role).length;
  const words = lines.reduce((sum, l) => sum + l.words, 0);
  const part = (role: Exclude<Role, 'body'>): Measured => ({
    check: role, baseWeight: STRUCTURE_WEIGHTS[role], score: count(role) > 0 ? 1 : 0,
    note: count(role) > 0 ? `${role} present` : `no ${role}`, line_paths: lines.filter((l) => l.role === role).map((l) => l.path),
  });
  const checks: Measured[] = [
    part('greeting'), part('opening'),
    {
      check: 'body', baseWeight: STRUCTURE_WEIGHTS.body, score: count('body') > 0 ? 1 : 0,
      note: `${count('body')} body paragraphs`, line_paths: lines.filter((l) => l.role === 'body').map((l) => l.path),
    },
    part('closing'), part('signature'),
    {
      check: 'length', baseWeight: STRUCTURE_WEIGHTS.length, line_paths: [],
      score: words < LETTER_WORDS.min ? words / LETTER_WORDS.min : words > LETTER_WORDS.max ? LETTER_WORDS.max / words : 1,
      note: `${words} words (sane range ${LETTER_WORDS.min}–${LETTER_WORDS.max})`,
    },
  ];
  const advice: Record<string, string> = {
    greeting: 'Add a greeting, addressed to a person where you know the name.',
    opening: 'Add an opening paragraph that names the role and why you want it.',
    body: 'Add a body paragraph on what you did that fits this job.',
    closing: 'Add a closing paragraph that asks for the conversation.',
    signature: 'Add a signature with your name.',
    length: `The letter has ${words} words; ${LETTER_WORDS.min}–${LETTER_WORDS.max} read best.`,
  };
  const failing = checks.filter((c) => c.score !== 1);
  return {
    detail: failing.length === 0 ? 'Greeting, opening, body, closing and signature are there, at a readable length.'
      : `Missing or off: ${failing.map((c) => c.check).join(', ')}.`,
    checks,
    suggestions: failing.map((c) => advice[c.check]),
  };
}
