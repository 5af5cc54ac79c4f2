import type { ResumeContent } from '../../contracts/generations/content';
import type { ParseBackOutcome } from '../../contracts/generations/parse-back';
import { Assessment, Measured, share } from './checks';
import { parseBackCheck } from './parse-back';
import { CONTEXT_SECTIONS, LIST_SECTIONS, ResumeLine } from './resume-lines';
import { quote } from './text';

/**
 * Format compliance: Σ weight × score over checks a parser and a reader trip over. Each score is
 * the share of things that pass (a check with nothing to look at does not apply):
 *   bullet_length     0.20  experience and project lines of BULLET_CHARS characters
 *   empty_sections    0.12  sections with some text
 *   experience_dates  0.16  experience items whose meta has a year or "present"
 *   total_length      0.16  1 within TOTAL_WORDS; below it words / min, above it max / words
 *   no_shouting       0.08  lines not written in capitals
 *   no_keyword_lists  0.08  lines outside skills/certifications/languages that are sentences, not keyword lists
 *   parse_back        0.20  headings, item titles and dates the exported PDF and DOCX give back in
 *                           reading order (parse-back.ts); null until the export stage reads them back
 * Without a parse-back the other five keep the proportions they had before it existed.
 */
export const FORMAT_WEIGHTS = {
  bullet_length: 0.2, empty_sections: 0.12, experience_dates: 0.16, total_length: 0.16, no_shouting: 0.08, no_keyword_lists: 0.08, parse_back: 0.2,
} as const;
export const BULLET_CHARS = { min: 25, max: 250 } as const;
export const TOTAL_WORDS = { min: 200, max: 900 } as const;

const DATE = /\b(19|20)\d{2}\b|\b(present|current|now|today)\b/i;

export function formatCompliance(content: ResumeContent, lines: ResumeLine[], parseBack: ParseBackOutcome[] | null = null): Assessment {
  const checks = [
    bulletLength(lines), emptySections(content), experienceDates(content), totalLength(lines), noShouting(lines), noKeywordLists(lines),
    parseBackCheck(content, parseBack, FORMAT_WEIGHTS.parse_back),
  ];
  const failing = checks.filter((c) => c.score !== null && c.score < 1);
  return {
    detail: failing.length === 0 ? 'Every applicable format check passes.' : `Checks with findings: ${failing.map((c) => c.check).join(', ')}.`,
    checks: checks.map(({ suggestion: _, ...check }) => check),
    suggestions: checks.flatMap((c) => (c.suggestion ? [c.suggestion] : [])),
  };
}

type Check = Measured & { suggestion?: string };

function bulletLength(lines: ResumeLine[]): Check {
  const bullets = lines.filter((l) => CONTEXT_SECTIONS.has(l.section) && l.part === 'line');
  const long = bullets.filter((l) => l.text.length > BULLET_CHARS.max);
  const short = bullets.filter((l) => l.text.length < BULLET_CHARS.min);
  const advice = [
    long.length > 0 ? `shorten ${long.length} longer than ${BULLET_CHARS.max} characters` : '',
    short.length > 0 ? `expand ${short.length} shorter than ${BULLET_CHARS.min} characters` : '',
  ].filter(Boolean).join(' and ');
  return {
    check: 'bullet_length', baseWeight: FORMAT_WEIGHTS.bullet_length,
    score: share(bullets.length - long.length - short.length, bullets.length),
    note: bullets.length === 0 ? 'no experience or project lines' : `${bullets.length - long.length - short.length} of ${bullets.length} bullet lines are ${BULLET_CHARS.min}–${BULLET_CHARS.max} characters`,
    line_paths: [...long, ...short].map((l) => l.path),
    suggestion: advice ? `Bullet lines: ${advice}.` : undefined,
  };
}

function emptySections(content: ResumeContent): Check {
  const empty = content.sections
    .map((section, i) => ({ section, i }))
    .filter(({ section }) => !section.items.some((item) => [item.title, item.meta, ...item.lines].some((l) => l !== null && l.text.trim() !== '')));
  return {
    check: 'empty_sections', baseWeight: FORMAT_WEIGHTS.empty_sections,
    score: share(content.sections.length - empty.length, content.sections.length),
    note: content.sections.length === 0 ? 'no sections' : `${empty.length} of ${content.sections.length} sections are empty`,
    line_paths: empty.map(({ i }) => `sections[${i}]`),
    suggestion: empty.length > 0 ? `Remove the empty ${empty.map(({ section }) => `"${section.heading}"`).join(', ')} section${empty.length > 1 ? 's' : ''} or fill ${empty.length > 1 ? 'them' : 'it'}.` : undefined,
  };
}

function experienceDates(content: ResumeContent): Check {
  const items = content.sections.flatMap((section, s) => (section.kind !== 'experience' ? []
    : section.items.map((item, i) => ({ item, path: `sections[${s}].items[${i}].meta` }))));
  const undated = items.filter(({ item }) => !item.meta || !DATE.test(item.meta.text));
  const names = undated.map(({ item }) => (item.title ? quote(item.title.text) : 'an untitled item'));
  return {
    check: 'experience_dates', baseWeight: FORMAT_WEIGHTS.experience_dates,
    score: share(items.length - undated.length, items.length),
    note: items.length === 0 ? 'no experience items' : `${items.length - undated.length} of ${items.length} experience items have dates`,
    line_paths: undated.map(({ path }) => path),
    suggestion: undated.length > 0 ? `Add dates (start – end, or "present") to ${names.join(', ')}.` : undefined,
  };
}

function totalLength(lines: ResumeLine[]): Check {
  const words = lines.reduce((sum, l) => sum + l.words, 0);
  const score = words < TOTAL_WORDS.min ? words / TOTAL_WORDS.min : words > TOTAL_WORDS.max ? TOTAL_WORDS.max / words : 1;
  const suggestion = words < TOTAL_WORDS.min ? `The resume has ${words} words; ${TOTAL_WORDS.min}–${TOTAL_WORDS.max} give an ATS and a reader enough to go on.`
    : words > TOTAL_WORDS.max ? `The resume has ${words} words; cut it towards ${TOTAL_WORDS.max} by dropping the least relevant lines.` : undefined;
  return {
    check: 'total_length', baseWeight: FORMAT_WEIGHTS.total_length, score,
    note: `${words} words (sane range ${TOTAL_WORDS.min}–${TOTAL_WORDS.max})`, line_paths: [], suggestion,
  };
}

/** A line shouts when at least three of its words of four or more letters (skill names aside) are capitals, and they are 70% of such words. */
function shouts(line: ResumeLine): boolean {
  let text = line.text;
  for (const offset of line.skills.flatMap((s) => s.offsets)) text = text.slice(0, offset.start) + ' '.repeat(offset.end - offset.start) + text.slice(offset.end);
  const words = text.match(/\p{L}{4,}/gu) ?? [];
  const capitals = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase());
  return capitals.length >= 3 && capitals.length >= 0.7 * words.length;
}

function noShouting(lines: ResumeLine[]): Check {
  const loud = lines.filter(shouts);
  return {
    check: 'no_shouting', baseWeight: FORMAT_WEIGHTS.no_shouting,
    score: share(lines.length - loud.length, lines.length),
    note: lines.length === 0 ? 'no lines' : `${loud.length} of ${lines.length} lines in capitals`,
    line_paths: loud.map((l) => l.path),
    suggestion: loud.length > 0 ? `Write ${loud.slice(0, 3).map((l) => quote(l.text, 40)).join(', ')} in sentence case: capitals read as shouting.` : undefined,
  };
}

function noKeywordLists(lines: ResumeLine[]): Check {
  const prose = lines.filter((l) => !LIST_SECTIONS.has(l.section) && l.part !== 'meta');
  const lists = prose.filter((l) => l.keywordList);
  return {
    check: 'no_keyword_lists', baseWeight: FORMAT_WEIGHTS.no_keyword_lists,
    score: share(prose.length - lists.length, prose.length),
    note: prose.length === 0 ? 'no lines outside list sections' : `${lists.length} of ${prose.length} lines outside the skills section are bare keyword lists`,
    line_paths: lists.map((l) => l.path),
    // the suggestion to rewrite them comes from keyword density, once
  };
}
