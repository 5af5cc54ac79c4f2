import type { KeywordLocation, MatchedKeyword, MissingKeyword } from '../../contracts/generations/quality';
import type { Assessment, Measured } from './checks';
import { JobKeyword, lineNames } from './job-keywords';
import { CONTEXT_SECTIONS, ResumeLine, showsContext } from './resume-lines';
import { listNames } from './text';

/**
 * Keyword coverage: Σ value × credit / Σ value over the job's required and preferred skills (value
 * in job-keywords.ts), where credit is 1 for a skill used in an experience or project sentence,
 * LISTED_CREDIT when the resume only lists it (skills, summary, a bare list in a bullet, ...), 0
 * when it is missing. An ATS finds a listed skill, a recruiter believes the one in context.
 */
export const LISTED_CREDIT = 0.35;

/** At most this many keyword suggestions of each kind (missing, only listed), most valuable first. */
const MAX_KEYWORD_SUGGESTIONS = 5;

export interface KeywordMatches {
  matched: MatchedKeyword[];
  missing: MissingKeyword[];
  /** See QualityReport.keyword_match_rate; null without keywords. */
  matchRate: number | null;
}

interface Found {
  keyword: JobKeyword;
  lines: ResumeLine[];
  inContext: boolean;
}

export function findKeywords(keywords: JobKeyword[], lines: ResumeLine[]): Found[] {
  return keywords.map((keyword) => {
    const where = lines.filter((line) => lineNames(line, keyword));
    return { keyword, lines: where, inContext: where.some(showsContext) };
  });
}

export function keywordMatches(found: Found[]): KeywordMatches {
  const total = found.reduce((sum, f) => sum + f.keyword.value, 0);
  const present = found.filter((f) => f.lines.length > 0);
  return {
    matched: present.map(({ keyword, lines, inContext }) => ({
      keyword: keyword.keyword, requirement: keyword.requirement, weight: keyword.weight, in_context: inContext,
      where: lines.map((line): KeywordLocation => ({
        section: line.section, ...(line.item === undefined ? {} : { item: line.item }), line_path: line.path,
      })),
    })),
    missing: found.filter((f) => f.lines.length === 0)
      .map(({ keyword }) => ({ keyword: keyword.keyword, requirement: keyword.requirement, weight: keyword.weight })),
    matchRate: found.length === 0 ? null : present.reduce((sum, f) => sum + f.keyword.value, 0) / total,
  };
}

export function keywordCoverage(found: Found[], lines: ResumeLine[]): Assessment {
  if (found.length === 0) {
    return {
      detail: 'Not applicable: the job analysis names no required or preferred skills, so there is nothing to cover. '
        + 'Its weight goes to the other components; re-analyse a fuller job description to score keywords.',
      checks: [],
      suggestions: [],
    };
  }
  const total = found.reduce((sum, f) => sum + f.keyword.value, 0);
  const checks: Measured[] = found.map((f) => ({
    check: f.keyword.keyword,
    baseWeight: f.keyword.value / total,
    score: credit(f),
    note: noteOn(f),
    line_paths: f.lines.map((l) => l.path),
  }));
  const inContext = found.filter((f) => f.inContext).length;
  const missing = found.filter((f) => f.lines.length === 0);
  const listed = found.filter((f) => f.lines.length > 0 && !f.inContext);
  return {
    detail: `Of ${found.length} job skills, ${inContext} appear in experience or project sentences (full credit), `
      + `${listed.length} only in lists, the summary or elsewhere (${LISTED_CREDIT} credit) and ${missing.length} not at all; `
      + 'each skill counts by its priority weight, preferred skills half.',
    checks,
    suggestions: [
      ...missing.slice(0, MAX_KEYWORD_SUGGESTIONS).map((f) => suggestMissing(f, found, lines)),
      ...(missing.length > MAX_KEYWORD_SUGGESTIONS ? [`Also missing: ${listNames(missing.slice(MAX_KEYWORD_SUGGESTIONS).map((f) => f.keyword.keyword), 10)}.`] : []),
      ...listed.slice(0, MAX_KEYWORD_SUGGESTIONS).map((f) => suggestContext(f, found, lines)),
    ],
  };
}

function credit(f: Found): number {
  if (f.inContext) return 1;
  return f.lines.length > 0 ? LISTED_CREDIT : 0;
}

function noteOn(f: Found): string {
  const requirement = `${f.keyword.requirement}, priority weight ${f.keyword.weight}`;
  if (f.lines.length === 0) return `missing (${requirement})`;
  const places = [...new Set(f.lines.map((l) => (l.item ? `${l.section} "${l.item}"` : l.section)))].join(', ');
  return f.inContext ? `in context (${requirement}): ${places}` : `only listed (${requirement}): ${places}; ${LISTED_CREDIT} credit`;
}

function suggestMissing(f: Found, found: Found[], lines: ResumeLine[]): string {
  const target = relevantItem(f.keyword, found, lines);
  const kind = f.keyword.requirement === 'required' ? 'a required skill' : 'a preferred skill';
  return target
    ? `Add ${f.keyword.keyword} (${kind}) to the "${target.title}" ${target.kind} if you used it there.`
    : `Add ${f.keyword.keyword} (${kind}) to an experience or project where you used it, if you have.`;
}

function suggestContext(f: Found, found: Found[], lines: ResumeLine[]): string {
  const sections = [...new Set(f.lines.map((l) => (l.section === 'skills' ? 'the skills list' : `the ${l.section}`)))];
  const target = relevantItem(f.keyword, found, lines);
  const where = target ? `the "${target.title}" ${target.kind}` : 'an experience or project';
  return `Mention ${f.keyword.keyword} in ${where} (say what you did with it), not only in ${listNames(sections)}.`;
}

/**
 * The experience or project item most related to a keyword: the one whose text names the most
 * other job keywords (the first such item on a tie); none when no item names any.
 */
export function relevantItem(keyword: JobKeyword, found: Found[], lines: ResumeLine[]): { title: string; kind: string } | null {
  const items = new Map<string, { title: string; kind: string; keywords: Set<string> }>();
  for (const line of lines) {
    if (!CONTEXT_SECTIONS.has(line.section) || line.item === undefined) continue;
    const key = `${line.sectionIndex}.${line.itemIndex}`;
    const entry = items.get(key) ?? { title: line.item, kind: line.section === 'projects' ? 'project' : 'experience', keywords: new Set<string>() };
    for (const f of found) {
      if (f.keyword !== keyword && f.lines.includes(line)) entry.keywords.add(f.keyword.keyword);
    }
    items.set(key, entry);
  }
  let best: { title: string; kind: string; keywords: Set<string> } | null = null;
  for (const item of items.values()) {
    if (item.keywords.size > (best?.keywords.size ?? 0)) best = item;
  }
  return best && { title: best.title, kind: best.kind };
}
