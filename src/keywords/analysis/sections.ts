import { preferenceOf } from './requirement-cues';
import { Context, JobPosting, Segment } from './segment';

/**
 * Splits a posting into segments. Headings ("Requirements:", "Nice to have", "What you'll do",
 * "Benefits") switch the context of the lines below them; a heading used as a label ("Bonus:
 * Terraform") applies to its own line only. Cue phrases then refine each clause.
 *
 * `namesASkill` tells a short prose line that names a skill ("Kubernetes") from a heading
 * ("Our stack"); the caller passes the skill matcher, so segmentation stays plain text work.
 */
export function segmentPosting(posting: JobPosting, namesASkill: (line: string) => boolean): Segment[] {
  const description = segmentLines(posting.description.split(/\r?\n/), 'description', (line) => isProseHeading(line, namesASkill));
  return [
    { text: posting.title, context: 'title' },
    ...description.map((s) => (describesCompany(s, posting.company) ? { ...s, context: 'ignored' as const } : s)),
    ...segmentLines(posting.requirements, 'required', isListHeading),
    ...segmentLines(posting.responsibilities ?? [], 'responsibility', isListHeading),
    ...(posting.benefits ?? []).map((text): Segment => ({ text, context: 'ignored' })),
  ];
}

/**
 * "Quillstack is contract management software", "Beacon HR builds payroll software": a sentence
 * about what the company does names its product or market, not the skills the job needs. The
 * sentence may use a short form of the name: "Fairhaven Mutual has 1,100 employees in claims and
 * underwriting" (Fairhaven Mutual Insurance), "The Larkspur is a boutique hotel" (The Larkspur Inn
 * & Suites), "Ironwood Prep is a charter school" (Ironwood Preparatory Academy).
 */
function describesCompany(segment: Segment, company: string | undefined): boolean {
  if (!company?.trim() || segment.context !== 'description') return false;
  const sentence = withoutArticle(segment.text.trim().toLowerCase());
  return companyPrefixes(company).some((prefix) => sentence.startsWith(`${prefix} `) || sentence.startsWith(`${prefix}'s `) || sentence.startsWith(`${prefix}’s `));
}

/** The full name, and its first word when that is distinctive (four letters or more, capitalised). */
function companyPrefixes(company: string): string[] {
  const full = withoutArticle(company.trim().toLowerCase());
  const first = withoutArticle(company.trim()).split(/\s+/)[0];
  const distinctive = /^\p{Lu}[\p{L}&'’-]{3,}$/u.test(first) && !GENERIC_FIRST_WORDS.has(first.toLowerCase());
  return distinctive ? [full, first.toLowerCase()] : [full];
}

const GENERIC_FIRST_WORDS = new Set(['north', 'south', 'east', 'west', 'central', 'united', 'american', 'national', 'global', 'first', 'saint', 'great', 'city', 'county', 'state']);

function withoutArticle(text: string): string {
  return text.replace(/^the\s+/i, '');
}

function segmentLines(lines: string[], initial: Context, isHeading: (line: string) => boolean): Segment[] {
  const segments: Segment[] = [];
  let current = initial;
  for (const raw of lines) {
    const line = raw.replace(/^[\s#>*•·▪►\-–—]+|\*\*/g, '').trim();
    if (!line) continue;
    const heading = headingContext(line.replace(/:$/, ''));
    if (heading && isHeading(line)) {
      current = heading;
      continue;
    }
    const label = /^([^:]{2,60}):\s*(.+)$/.exec(line);
    const labelled = label ? headingContext(label[1]) : null;
    const [context, text] = labelled && label ? [labelled, label[2]] : [current, line];
    segments.push(...(context === 'ignored' ? [{ text, context }] : refineByCues(text, context)));
  }
  return segments;
}

/**
 * In prose a heading ends with a colon, or is a short line with no sentence punctuation, numbers,
 * degrees or skills ("What you'll do", but not "Experience with Kafka" or "5+ years experience").
 */
function isProseHeading(line: string, namesASkill: (line: string) => boolean): boolean {
  if (line.endsWith(':')) return true;
  const short = !/[.!?,;]$/.test(line) && line.split(/\s+/).length <= 6;
  return short && !/\d|degree|diploma|licen[cs]e/i.test(line) && !namesASkill(line);
}

/** In a list, where most items are short, only a colon or a bare preference word makes a heading. */
const LIST_HEADING = /^(nice[- ]to[- ]haves?|bonus( points)?|preferred( qualifications| skills)?|pluses|optional|desired)$/i;

function isListHeading(line: string): boolean {
  return line.endsWith(':') || LIST_HEADING.test(line);
}

const anyOf = (alternatives: string[], start = '') => new RegExp(`${start}(${alternatives.join('|')})`);

const HEADINGS: Array<[Context, RegExp]> = [
  ['required', /^about you\b/],
  ['description', /^about (the|this) (role|job|position|opportunity)\b/],
  ['ignored', anyOf([
    'about\\b', 'who we are', 'our (story|mission|values|culture|company|team|benefits)', 'benefits', 'perks',
    'what we offer', "what's in it", 'compensation', 'salary', 'pay\\b', "why (join|work|you'll love)",
    'equal (employment )?opportunit', 'eeo\\b', 'how to apply', 'location', 'diversity', 'working at', 'life at',
  ], '^')],
  ['preferred', anyOf([
    'nice[- ]to[- ]haves?', 'bonus', 'preferred', 'desired', 'desirable', 'pluses', 'good to have', 'extra credit',
    'stand out', 'ideal(ly)?\\b', 'even better', 'optional', 'added advantage',
  ])],
  ['required', anyOf([
    'requirements?', 'qualifications?', 'must[- ]haves?', "what you('ll| will)? (need|bring)", 'looking for', 'who you are',
    'you (have|bring)', 'you should have', 'your (skills|background|experience|profile|toolkit)', 'skills', 'experience',
    'what it takes', 'required', 'essential', 'competencies', 'education',
  ])],
  ['responsibility', anyOf([
    'responsibilit', "what you('ll| will)? (do|be doing|work on|own|achieve)", 'your (role|impact|mission|day)', 'the role',
    'day[- ]to[- ]day', 'in this role', 'duties', 'key tasks', 'you will', 'the job', 'the opportunity', 'outcomes',
  ])],
];

/** The context a heading announces, or null if the text is not a known heading. */
export function headingContext(text: string): Context | null {
  const lower = text.toLowerCase().replace(/[’]/g, "'").trim();
  if (lower.split(/\s+/).length > 8) return null;
  for (const [context, pattern] of HEADINGS) if (pattern.test(lower)) return context;
  return null;
}

/** Splits a line into sentences and lets preference cues move clauses to `preferred`. */
function refineByCues(line: string, context: Context): Segment[] {
  return line
    .split(/;\s*|(?<=[.!?])\s+(?=[A-Z(])/)
    .filter((sentence) => sentence.trim())
    .flatMap((sentence) => preferenceOf(sentence, context));
}
