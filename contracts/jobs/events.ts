import { z } from 'zod';
import { defineEvent as event } from '../shared/envelope';
import { Uuid } from '../shared/primitives';
import { IsoDate, RecordedJobContent as JobContent, JobSource, JobStatus } from './job';
import { KeywordAnalysis } from './keyword-analysis';

/** Events of the `job-<uuid>` stream. Stored names never change. */

/** SHA-256 of the canonical JSON of a job's content: equal content, equal hash. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

/** Catalogue entries are named `static-001`, …; their job id is derived from this name. */
export const CatalogueId = z.string().regex(/^static-\d{3,}$/, 'must look like static-001');

export const JobCreated = event(
  'JobCreated',
  z.object({
    job_id: Uuid,
    source: JobSource,
    /** The owning user; null for jobs nobody owns (the static catalogue, API and scraped jobs). */
    user_id: Uuid.nullable(),
    status: z.enum(['draft', 'active']),
    catalogue_id: CatalogueId.nullable(),
    content: JobContent,
    content_hash: ContentHash,
  }),
);
/** The content was replaced as a whole (PUT, or a changed catalogue entry). */
export const JobUpdated = event('JobUpdated', z.object({ content: JobContent, content_hash: ContentHash }));
/** The keyword analysis of the content whose hash is `content_hash`. */
export const JobAnalyzed = event('JobAnalyzed', z.object({ content_hash: ContentHash, analysis: KeywordAnalysis }));
export const JobStatusChanged = event('JobStatusChanged', z.object({ from: JobStatus, to: JobStatus }));
/** An active job's `expires_date` passed: recorded by the expiry sweeper (or before the next status change). */
export const JobExpired = event('JobExpired', z.object({ expires_date: IsoDate }));
export const JobDeleted = event('JobDeleted', z.object({ job_id: Uuid, user_id: Uuid }));

export const JobEventSchemas = [JobCreated, JobUpdated, JobAnalyzed, JobStatusChanged, JobExpired, JobDeleted] as const;

export const JobEventSchema = z.discriminatedUnion('type', JobEventSchemas);
export type JobEvent = z.infer<typeof JobEventSchema>;
