import { EmploymentType, ExperienceLevel, JobContent, JobContentInput, RemotePolicy } from '../../contracts/jobs/job';
import { htmlToText, listItems } from './html';

/**
 * What both board formats share when they become our job content: bounded text, list sections
 * sorted by their heading, words in the title or a category read as policy, and one final check
 * against the job contract (a posting that fails it is skipped, never an error).
 */

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
export const str = text;

/** Cuts to `max` characters at a word boundary when it can. */
export function bounded(value: string, max: number): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

export interface ListSections {
  requirements: string[];
  responsibilities: string[];
  benefits: string[];
}

type Section = keyof ListSections | 'nice_to_have';

/** Which of our lists a heading such as "What you'll bring" or "Responsibilities" introduces; null when none. */
export function sectionOf(heading: string): Section | null {
  const h = heading.toLowerCase();
  if (/nice to have|bonus|preferred|plus if|extra credit/.test(h)) return 'nice_to_have';
  if (/requirement|qualification|you have|you bring|you'll bring|you’ll bring|skills|about you|looking for|must have|what we need|experience/.test(h)) return 'requirements';
  if (/benefit|perk|we offer|what we give|compensation|why join/.test(h)) return 'benefits';
  if (/responsib|you will|you'll|you’ll|what you do|what you'll do|day to day|day-to-day|duties|the role|your role|your impact|mission/.test(h)) return 'responsibilities';
  return null;
}

/** Adds a titled list to the sections its heading names; nice-to-haves become requirements marked as such. */
export function addSection(sections: ListSections, heading: string, items: string[]): void {
  const section = sectionOf(heading);
  if (section === null) return;
  if (section === 'nice_to_have') sections.requirements.push(...items.map((item) => `${item} (nice to have)`));
  else sections[section].push(...items);
}

/** Lists in an HTML body, each named by the text just before it (a heading, a bold line, a paragraph). */
export function sectionsFromHtml(html: string): ListSections {
  const sections: ListSections = { requirements: [], responsibilities: [], benefits: [] };
  const lists = /<\s*(ul|ol)\b[^>]*>([\s\S]*?)<\s*\/\s*\1\s*>/gi;
  let previous = 0;
  for (const match of html.matchAll(lists)) {
    const before = htmlToText(html.slice(previous, match.index)).split('\n').filter(Boolean);
    const heading = before.at(-1) ?? '';
    addSection(sections, heading, listItems(match[2]));
    previous = match.index + match[0].length;
  }
  return sections;
}

export function employmentTypeOf(value: string | null): EmploymentType | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (/intern/.test(v)) return 'internship';
  if (/part[\s-]?time/.test(v)) return 'part_time';
  if (/contract|freelance/.test(v)) return 'contract';
  if (/temp|seasonal|fixed[\s-]?term/.test(v)) return 'temporary';
  if (/full[\s-]?time|permanent|regular/.test(v)) return 'full_time';
  return null;
}

export function remoteOf(...hints: (string | null)[]): RemotePolicy | null {
  for (const hint of hints) {
    if (!hint) continue;
    const v = hint.toLowerCase();
    if (/hybrid/.test(v)) return 'hybrid';
    if (/remote|anywhere|distributed/.test(v)) return 'remote';
    if (/on[\s-]?site|in[\s-]?office/.test(v)) return 'onsite';
  }
  return null;
}

/** The seniority a title states in words ("Senior", "Intern", …); null when it states none. */
export function experienceLevelOf(title: string): ExperienceLevel | null {
  const t = title.toLowerCase();
  if (/\bintern(ship)?\b/.test(t)) return 'internship';
  if (/\b(vp|vice president|director|head of|chief)\b/.test(t)) return 'executive';
  if (/\b(lead|principal|staff)\b/.test(t)) return 'lead';
  if (/\b(senior|sr\.?)\s/.test(`${t} `)) return 'senior';
  if (/\b(junior|jr\.?|entry|graduate|associate)\b/.test(t)) return 'entry';
  return null;
}

/** `2026-07-23T19:40:17-04:00` or a millisecond timestamp → `2026-07-23`; null when unreadable. */
export function dateOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

export function httpUrlOf(value: unknown): string | null {
  const url = text(value);
  return url && /^https?:\/\/[^\s]+$/.test(url) && url.length <= 2000 ? url : null;
}

const LIST_ITEMS = 100;
const ITEM_CHARS = 1000;
const boundedList = (items: string[]) => items.slice(0, LIST_ITEMS).map((item) => bounded(item, ITEM_CHARS));

export interface DraftContent {
  title: string;
  company: string;
  location: string | null;
  remote: RemotePolicy | null;
  employment_type: EmploymentType | null;
  salary_range: JobContent['salary_range'];
  description: string;
  sections: ListSections;
  posted_date: string | null;
  external_job_id: string;
  application_url: string | null;
}

/** The job content of a draft, bounded to the contract's limits; null when it still fails the contract. */
export function toJobContent(draft: DraftContent): JobContent | null {
  const parsed = JobContentInput.safeParse({
    title: bounded(draft.title, 200),
    company: bounded(draft.company, 200),
    location: draft.location === null ? null : bounded(draft.location, 200),
    remote: draft.remote,
    employment_type: draft.employment_type,
    experience_level: experienceLevelOf(draft.title),
    salary_range: draft.salary_range,
    description: bounded(draft.description, 20_000),
    requirements: boundedList(draft.sections.requirements),
    responsibilities: boundedList(draft.sections.responsibilities),
    benefits: boundedList(draft.sections.benefits),
    industry: null,
    posted_date: draft.posted_date,
    expires_date: null,
    external_job_id: bounded(draft.external_job_id, 200),
    application_url: draft.application_url,
  });
  if (parsed.success) return parsed.data;
  // A salary range the contract refuses (min above max, an odd currency) is left out rather than losing the job.
  if (draft.salary_range !== null && parsed.error.issues.some((issue) => issue.path[0] === 'salary_range')) return toJobContent({ ...draft, salary_range: null });
  return null;
}
