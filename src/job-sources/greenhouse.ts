import { BoardHttp } from './board-http';
import { decodeEntities, htmlToText } from './html';
import { dateOf, employmentTypeOf, httpUrlOf, remoteOf, sectionsFromHtml, str, toJobContent } from './mapping';
import { BoardListing, BoardPosting, JobBoard, JobBoardError } from './port';

/**
 * The Greenhouse Job Board API: `GET {base}/v1/boards/{board_token}/jobs?content=true` answers
 * every open job at once, `{ jobs: [...], meta: { total } }`. A job has `id` (a number), `title`,
 * `location.name`, `content` (the body as HTML, HTML-escaped once), `absolute_url`, `updated_at`
 * (and on newer boards `first_published`), `metadata` (custom fields), `departments`, `offices`.
 */
export const GREENHOUSE_BASE_URL = 'https://boards-api.greenhouse.io';

export function greenhouseBoard(options: { board: string; company: string; base_url?: string }, http: BoardHttp): JobBoard {
  const url = `${(options.base_url ?? GREENHOUSE_BASE_URL).replace(/\/+$/, '')}/v1/boards/${encodeURIComponent(options.board)}/jobs?content=true`;
  return {
    async list(signal): Promise<BoardListing> {
      const body = await http.getJson(url, signal);
      const jobs = (body as { jobs?: unknown } | null)?.jobs;
      if (!Array.isArray(jobs)) throw new JobBoardError('malformed', 'The Greenhouse board answered without a `jobs` list');
      const postings: BoardPosting[] = [];
      for (const job of jobs) {
        const posting = mapGreenhouseJob(job, options.company);
        if (posting) postings.push(posting);
      }
      return { postings, skipped: jobs.length - postings.length, fetched: jobs.length };
    },
  };
}

interface GreenhouseMetadata {
  name?: unknown;
  value?: unknown;
}

/** One Greenhouse job as our content; null when it lacks an id, a title or a body. */
export function mapGreenhouseJob(raw: unknown, company: string): BoardPosting | null {
  if (raw === null || typeof raw !== 'object') return null;
  const job = raw as Record<string, unknown>;
  const id = typeof job.id === 'number' || typeof job.id === 'string' ? String(job.id).trim() : '';
  const title = str(job.title);
  const content = str(job.content);
  if (!id || !title || !content) return null;
  const html = decodeEntities(content);
  const description = htmlToText(html);
  if (!description) return null;
  const offices = Array.isArray(job.offices) ? (job.offices as ({ name?: unknown; location?: unknown } | null)[]) : [];
  // The job's own location, else its first office's.
  const location = str((job.location as { name?: unknown } | null | undefined)?.name) ?? str(offices[0]?.location) ?? str(offices[0]?.name);
  const metadata = Array.isArray(job.metadata) ? (job.metadata as GreenhouseMetadata[]) : [];
  const field = (pattern: RegExp): string | null => {
    const found = metadata.find((m) => m && typeof m.name === 'string' && pattern.test(m.name));
    const value = found?.value;
    return typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') || null : null;
  };
  const mapped = toJobContent({
    title,
    company,
    location,
    remote: remoteOf(field(/remote|workplace|location type/i), location),
    employment_type: employmentTypeOf(field(/employment|commitment|job type|time type/i)),
    salary_range: null,
    description,
    sections: sectionsFromHtml(html),
    posted_date: dateOf(job.first_published) ?? dateOf(job.updated_at),
    external_job_id: id,
    application_url: httpUrlOf(job.absolute_url),
  });
  return mapped ? { external_id: id, content: mapped } : null;
}
