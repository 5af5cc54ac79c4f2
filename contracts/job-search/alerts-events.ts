import { z } from 'zod';
import { DigestFrequency } from '../notifications/events';
import { defineEvent } from '../shared/envelope';
import { IsoTimestamp, Uuid } from '../shared/primitives';

/**
 * Events of job alerts. Ids, frequencies and times only: nothing a user typed.
 *  - `jobalert-<uuid>`: an alert on one saved search, its frequency, paused or not;
 *  - `jobalertmatch-<uuidv5(user/job)>`: a job matched one of the user's alerts. One stream per
 *    user and job, so the same job never alerts the same user twice (a redelivery, a replay, a
 *    second matching alert or a restart finds it matched);
 *  - `jobalertdigest-<uuidv5(user/frequency/period start)>`: the jobs gathered for one daily or
 *    weekly digest, closed and sent once the period has ended.
 */
export const AlertFrequency = DigestFrequency;
export type AlertFrequency = z.infer<typeof AlertFrequency>;
export const DigestPeriod = z.enum(['daily', 'weekly']);
export type DigestPeriod = z.infer<typeof DigestPeriod>;

const alert = { alert_id: Uuid, user_id: Uuid };

export const JobAlertCreated = defineEvent('JobAlertCreated', z.object({ ...alert, criteria_id: Uuid, frequency: AlertFrequency }));
export const JobAlertPaused = defineEvent('JobAlertPaused', z.object(alert));
export const JobAlertResumed = defineEvent('JobAlertResumed', z.object(alert));
export const JobAlertDeleted = defineEvent('JobAlertDeleted', z.object(alert));

export const JobAlertMatched = defineEvent(
  'JobAlertMatched',
  z.object({ match_id: Uuid, user_id: Uuid, job_id: Uuid, alert_id: Uuid, frequency: AlertFrequency, matched_at: IsoTimestamp }),
);

const digest = { digest_id: Uuid, user_id: Uuid };
export const JobAlertDigestJobAdded = defineEvent(
  'JobAlertDigestJobAdded',
  z.object({ ...digest, frequency: DigestPeriod, period_start: IsoTimestamp, period_end: IsoTimestamp, job_id: Uuid }),
);
export const JobAlertDigestClosed = defineEvent('JobAlertDigestClosed', z.object({ ...digest, job_ids: z.array(Uuid) }));
/** The digest's notification was raised (`notification_id`), or not because the user turned job alerts off (null). */
export const JobAlertDigestSent = defineEvent('JobAlertDigestSent', z.object({ ...digest, notification_id: Uuid.nullable() }));

export const JobAlertEventSchemas = [JobAlertCreated, JobAlertPaused, JobAlertResumed, JobAlertDeleted] as const;
export type JobAlertEvent = z.infer<(typeof JobAlertEventSchemas)[number]>;
export const JobAlertMatchEventSchemas = [JobAlertMatched] as const;
export type JobAlertMatchEvent = z.infer<(typeof JobAlertMatchEventSchemas)[number]>;
export const JobAlertDigestEventSchemas = [JobAlertDigestJobAdded, JobAlertDigestClosed, JobAlertDigestSent] as const;
export type JobAlertDigestEvent = z.infer<(typeof JobAlertDigestEventSchemas)[number]>;

export const AllJobAlertEventSchemas = [...JobAlertEventSchemas, ...JobAlertMatchEventSchemas, ...JobAlertDigestEventSchemas] as const;
