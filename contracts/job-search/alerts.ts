import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, page, PageQuery, ProjectedFields } from '../shared/read-model';
import { AlertFrequency, DigestPeriod, JobAlertCreated, JobAlertDigestJobAdded, JobAlertMatched } from './alerts-events';

/** Job alerts (`/api/v1/job-search/alerts`, issue 14 item 2): commands, bodies, read models. */

/** How many alerts one user may keep (one per saved search, so at most SAVED_SEARCH_LIMIT anyway). */
export const JOB_ALERT_LIMIT = 50;

const now = { now: IsoTimestamp };
const alert = { alert_id: Uuid, user_id: Uuid };
export const CreateJobAlert = z.object({ type: z.literal('CreateJobAlert'), ...now, ...JobAlertCreated.shape.data.shape });
export const PauseJobAlert = z.object({ type: z.literal('PauseJobAlert'), ...now, ...alert });
export const ResumeJobAlert = z.object({ type: z.literal('ResumeJobAlert'), ...now, ...alert });
export const DeleteJobAlert = z.object({ type: z.literal('DeleteJobAlert'), ...now, ...alert });
export const JobAlertCommandSchema = z.discriminatedUnion('type', [CreateJobAlert, PauseJobAlert, ResumeJobAlert, DeleteJobAlert]);
export type JobAlertCommand = z.infer<typeof JobAlertCommandSchema>;

/** The matcher records a match once per user and job. */
export const MatchJob = z.object({ type: z.literal('MatchJob'), ...JobAlertMatched.shape.data.shape });
export type MatchJob = z.infer<typeof MatchJob>;

/** A digest gathers jobs until its period ends; the sweep closes it, then records that it was sent. */
export const AddDigestJob = z.object({ type: z.literal('AddDigestJob'), ...JobAlertDigestJobAdded.shape.data.shape });
export const CloseDigest = z.object({ type: z.literal('CloseDigest'), digest_id: Uuid, user_id: Uuid });
export const MarkDigestSent = z.object({ type: z.literal('MarkDigestSent'), digest_id: Uuid, user_id: Uuid, notification_id: Uuid.nullable() });
export const DigestCommandSchema = z.discriminatedUnion('type', [AddDigestJob, CloseDigest, MarkDigestSent]);
export type DigestCommand = z.infer<typeof DigestCommandSchema>;

/** POST: an alert on one of your saved searches. */
export const JobAlertRequest = z.strictObject({
  criteria_id: Uuid.describe('A saved search of yours'),
  frequency: AlertFrequency.optional().describe(
    'instant: one notification per new job; daily or weekly: one digest per UTC day or ISO week (Monday to Sunday). Default: the `digest` of your notification preferences',
  ),
});
export type JobAlertRequest = z.output<typeof JobAlertRequest>;

export const JobAlertView = z.object({
  id: Uuid,
  criteria_id: Uuid,
  frequency: AlertFrequency,
  paused: z.boolean(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  version: z.number().int().min(1),
});
export type JobAlertView = z.infer<typeof JobAlertView>;

export const JobAlertListQuery = z.strictObject({ ...PageQuery.shape, criteria_id: Uuid.optional() });
export type JobAlertListQuery = z.output<typeof JobAlertListQuery>;
export const JobAlertPage = page(JobAlertView);
export type JobAlertPage = z.infer<typeof JobAlertPage>;

/** `job_alerts_v1`: one document per live alert (the matcher reads the unpaused ones). */
export const JobAlertDocument = JobAlertView.extend({ ...ProjectedFields, user_id: Uuid });
export type JobAlertDocument = z.infer<typeof JobAlertDocument>;
export const JobAlertsReadModel = defineReadModel('job_alerts_v1', JobAlertDocument);

/** `job_alert_digests_v1`: one document per digest; the sweep reads those not sent whose period has ended. */
export const JobAlertDigestDocument = z.object({
  ...ProjectedFields,
  id: Uuid,
  user_id: Uuid,
  frequency: DigestPeriod,
  period_start: IsoTimestamp,
  period_end: IsoTimestamp,
  job_ids: z.array(Uuid),
  closed: z.boolean(),
  sent: z.boolean(),
});
export type JobAlertDigestDocument = z.infer<typeof JobAlertDigestDocument>;
export const JobAlertDigestsReadModel = defineReadModel('job_alert_digests_v1', JobAlertDigestDocument);
