import { JobContent } from '../../contracts/jobs/job';

/** One posting of a board, mapped into our job content. */
export interface BoardPosting {
  /** The posting's id on its board; with the source id it names the job. */
  external_id: string;
  content: JobContent;
}

/** Everything a board lists now. */
export interface BoardListing {
  postings: BoardPosting[];
  /** Postings the board listed that could not be mapped (and are left out). */
  skipped: number;
  /** Postings the board listed, mapped or not. */
  fetched: number;
}

/**
 * A job board in one public format. `list` reads every open posting (all pages) through the
 * retry and circuit-breaker policy; it throws a JobBoardError when the board cannot be read, and
 * never because of one odd posting.
 */
export interface JobBoard {
  list(signal?: AbortSignal): Promise<BoardListing>;
}

export type JobBoardFailure = 'unavailable' | 'rate_limited' | 'timeout' | 'rejected' | 'malformed' | 'breaker_open';

export class JobBoardError extends Error {
  constructor(
    readonly failure: JobBoardFailure,
    message: string,
    /** When the board may be tried again (the breaker's trial time). */
    readonly retry_at: Date | null = null,
  ) {
    super(message);
    this.name = 'JobBoardError';
  }
}
