import { z } from 'zod';

/**
 * A job board JobWise reads postings from (source `api`). Configured by the operator in
 * `JOB_SOURCES` (a JSON array); the id names the source in routes and in its jobs' ids.
 */

export const JobSourceKind = z.enum(['greenhouse', 'lever']);
export type JobSourceKind = z.infer<typeof JobSourceKind>;

/** Lower-case letters, digits and dashes: part of URLs and of every derived job id, so never renamed. */
export const JobSourceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be 1-63 lower-case letters, digits or dashes, starting with a letter or digit');

const HttpBaseUrl = z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL');

export const JobSourceConfig = z.strictObject({
  id: JobSourceId,
  kind: JobSourceKind,
  /** The Greenhouse board token or the Lever site name, as in the board's public URL. */
  board: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be the board token or site name from the board URL'),
  /** The hiring company shown on every job of this board. */
  company: z.string().trim().min(1).max(200),
  /** Replaces the public API's origin (tests, proxies); default https://boards-api.greenhouse.io or https://api.lever.co. */
  base_url: HttpBaseUrl.optional(),
  /** Minutes between scheduled syncs; 0: only on demand. */
  sync_interval_minutes: z.number().int().min(0).max(7 * 24 * 60).default(60),
  /** Each request to the board gives up after this long (and is retried). */
  timeout_ms: z.number().int().min(100).max(120_000).default(10_000),
});
export type JobSourceConfig = z.output<typeof JobSourceConfig>;

/** Every configured source; ids are unique. */
export const JobSourcesConfig = z.array(JobSourceConfig).max(500).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    if (seen.has(source.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate source id ${source.id}` });
    seen.add(source.id);
  });
});
