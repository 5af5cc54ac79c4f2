import { z } from 'zod';
import { ExportFormat } from '../documents/rendering';
import { IsoDate } from '../jobs/job';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { page, PageQuery } from '../shared/read-model';
import { ApplicationNotes, ApplicationStatus, StatusNote } from './events';

/** Request and response bodies of application tracking (`/api/v1/job-search/applications`, API-5). */

const JobRef = z.string().min(1).max(100).describe('A job of yours or a catalogue job, by id or catalogue name (static-001)');

/** POST: the job, optionally the document sent (its current version unless `document_version` names one). */
export const ApplicationCreateRequest = z.strictObject({
  job_id: JobRef,
  document_id: Uuid.optional(),
  document_version: z.number().int().min(1).max(999_999_999).optional(),
  status: ApplicationStatus,
  applied_date: IsoDate.optional(),
  notes: ApplicationNotes.optional(),
})
  .refine((body) => body.document_version === undefined || body.document_id !== undefined, { error: 'a document version needs its document_id', path: ['document_version'] })
  .meta({ dependentRequired: { document_version: ['document_id'] } });
export type ApplicationCreateRequest = z.infer<typeof ApplicationCreateRequest>;

/** PUT: a new status (with an optional note for the timeline) and/or new notes; what is left out stays. */
export const ApplicationUpdateRequest = z
  .strictObject({ status: ApplicationStatus.optional(), note: StatusNote.optional(), notes: ApplicationNotes.optional() })
  .refine((body) => body.status !== undefined || body.notes !== undefined, { error: 'name at least one of status, notes' })
  .refine((body) => body.note === undefined || body.status !== undefined, { error: 'a note belongs to a status change: send status too', path: ['note'] })
  // What the refinements say, for the OpenAPI document (JSON Schema cannot see a refinement).
  .meta({ minProperties: 1, dependentRequired: { note: ['status'] } });
export type ApplicationUpdateRequest = z.infer<typeof ApplicationUpdateRequest>;

/** GET: yours, newest first, filtered by status and job. */
export const ApplicationListQuery = z.strictObject({
  ...PageQuery.shape,
  status: ApplicationStatus.optional(),
  job_id: Uuid.optional(),
});
export type ApplicationListQuery = z.output<typeof ApplicationListQuery>;

/** One step of the status timeline; the first has `from: null` (the status it was created with). */
export const StatusChange = z.object({ from: ApplicationStatus.nullable(), to: ApplicationStatus, at: IsoTimestamp, note: z.string().nullable() });
export type StatusChange = z.infer<typeof StatusChange>;

export const ApplicationSummary = z.object({
  id: Uuid,
  job_id: Uuid,
  document_id: Uuid.nullable(),
  document_version: z.number().int().min(1).nullable(),
  status: ApplicationStatus,
  applied_date: IsoDate.nullable(),
  notes: z.string(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  /** The ETag. */
  version: z.number().int().min(1),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationView = ApplicationSummary.extend({ timeline: z.array(StatusChange) });
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationPage = page(ApplicationSummary);
export type ApplicationPage = z.infer<typeof ApplicationPage>;

export const ApplicationDocumentQuery = z.strictObject({ format: ExportFormat.default('pdf') });
export type ApplicationDocumentQuery = z.output<typeof ApplicationDocumentQuery>;

const Count = z.number().int().min(0);

/** The median of the days between two stages, over the applications that reached both. */
export const StageInterval = z.object({ from: ApplicationStatus, to: ApplicationStatus, applications: Count, median_days: z.number().nullable() });

/**
 * GET /stats, the funnel. `applied` counts applications that ever reached applied; `responded`
 * those of them that reached interviewing, offer_received, accepted or rejected;
 * `response_rate` is responded / applied (null with none applied).
 */
export const ApplicationStats = z.object({
  total: Count,
  by_status: z.record(ApplicationStatus, Count),
  applied: Count,
  responded: Count,
  response_rate: z.number().min(0).max(1).nullable(),
  median_days: z.array(StageInterval),
});
export type ApplicationStats = z.infer<typeof ApplicationStats>;
