import { JobContent, SalaryPeriod } from '../../contracts/jobs/job';
import { BoardHttp } from './board-http';
import { htmlToText, listItems } from './html';
import { addSection, dateOf, employmentTypeOf, httpUrlOf, ListSections, remoteOf, str, toJobContent } from './mapping';
import { BoardListing, BoardPosting, JobBoard, JobBoardError } from './port';

/**
 * The Lever Postings API: `GET {base}/v0/postings/{site}?mode=json&skip=&limit=` answers a JSON
 * array of published postings, a page at a time; a page shorter than `limit` is the last. A
 * posting has `id`, `text` (the title), `categories {location, team, commitment}`,
 * `descriptionPlain` / `description`, `lists [{text, content}]` (a heading and `<li>` HTML),
 * `additionalPlain`, `hostedUrl`, `applyUrl`, `createdAt` (ms), `workplaceType`
 * (on-site | remote | hybrid | unspecified) and, where published, `salaryRange {min, max, currency, interval}`.
 */
export const LEVER_BASE_URL = 'https://api.lever.co';
export const LEVER_PAGE_SIZE = 100;
/** A board never has more; a board that keeps answering full pages is cut off here. */
const MAX_PAGES = 200;

export function leverBoard(options: { board: string; company: string; base_url?: string; page_size?: number }, http: BoardHttp): JobBoard {
  const base = `${(options.base_url ?? LEVER_BASE_URL).replace(/\/+$/, '')}/v0/postings/${encodeURIComponent(options.board)}?mode=json`;
  const limit = options.page_size ?? LEVER_PAGE_SIZE;
  return {
    async list(signal): Promise<BoardListing> {
      const postings: BoardPosting[] = [];
      const seen = new Set<string>();
      let fetched = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await http.getJson(`${base}&skip=${page * limit}&limit=${limit}`, signal);
        if (!Array.isArray(body)) throw new JobBoardError('malformed', 'The Lever site answered with something other than a list of postings');
        fetched += body.length;
        for (const raw of body) {
          const posting = mapLeverPosting(raw, options.company);
          // A posting published while paging can shift another onto the next page twice.
          if (posting && !seen.has(posting.external_id)) {
            seen.add(posting.external_id);
            postings.push(posting);
          }
        }
        if (body.length < limit) break;
      }
      return { postings, skipped: fetched - postings.length, fetched };
    },
  };
}

const INTERVALS: Record<string, SalaryPeriod> = { 'per-year-salary': 'year', 'per-month-salary': 'month', 'per-hour-wage': 'hour' };

function salaryOf(raw: unknown): JobContent['salary_range'] {
  if (raw === null || typeof raw !== 'object') return null;
  const { min, max, currency, interval } = raw as Record<string, unknown>;
  const period = typeof interval === 'string' ? INTERVALS[interval] : undefined;
  if (typeof min !== 'number' || typeof max !== 'number' || typeof currency !== 'string' || !period) return null;
  return { min, max, currency: currency.toUpperCase(), period };
}

const WORKPLACE: Record<string, 'onsite' | 'remote' | 'hybrid'> = { 'on-site': 'onsite', remote: 'remote', hybrid: 'hybrid' };

/** One Lever posting as our content; null when it lacks an id, a title or a description. */
export function mapLeverPosting(raw: unknown, company: string): BoardPosting | null {
  if (raw === null || typeof raw !== 'object') return null;
  const posting = raw as Record<string, unknown>;
  const id = str(posting.id);
  const title = str(posting.text);
  if (!id || !title) return null;
  const categories = (posting.categories && typeof posting.categories === 'object' ? posting.categories : {}) as Record<string, unknown>;
  const body = str(posting.descriptionPlain) ?? (str(posting.description) ? htmlToText(posting.description as string) : null);
  const additional = str(posting.additionalPlain);
  const description = [body, additional].filter(Boolean).join('\n\n');
  if (!description) return null;
  const sections: ListSections = { requirements: [], responsibilities: [], benefits: [] };
  if (Array.isArray(posting.lists)) {
    for (const list of posting.lists as { text?: unknown; content?: unknown }[]) {
      const heading = str(list?.text);
      const content = str(list?.content);
      if (heading && content) addSection(sections, heading, listItems(content));
    }
  }
  const location = str(categories.location);
  const workplace = typeof posting.workplaceType === 'string' ? WORKPLACE[posting.workplaceType] : undefined;
  const mapped = toJobContent({
    title,
    company,
    location,
    remote: workplace ?? remoteOf(location),
    employment_type: employmentTypeOf(str(categories.commitment)),
    salary_range: salaryOf(posting.salaryRange),
    description,
    sections,
    posted_date: dateOf(posting.createdAt),
    external_job_id: id,
    application_url: httpUrlOf(posting.hostedUrl) ?? httpUrlOf(posting.applyUrl),
  });
  return mapped ? { external_id: id, content: mapped } : null;
}
