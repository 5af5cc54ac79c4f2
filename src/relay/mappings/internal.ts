import { z } from 'zod';
import { AdminEventSchemas } from '../../../contracts/admin/events';
import { AllJobAlertEventSchemas } from '../../../contracts/job-search/alerts-events';
import { JobSourceEventSchemas } from '../../../contracts/job-sources/events';
import { SavedSearchEventSchemas } from '../../../contracts/job-search/saved-searches-events';
import { NotificationEventSchemas } from '../../../contracts/notifications/events';
import { ClaimEventSchemas } from '../../../contracts/shared/claims';

type InternalEventType = z.infer<(typeof ClaimEventSchemas)[number] | (typeof AdminEventSchemas)[number] | (typeof NotificationEventSchemas)[number] | (typeof SavedSearchEventSchemas)[number] | (typeof AllJobAlertEventSchemas)[number] | (typeof JobSourceEventSchemas)[number]>['type'];

/**
 * Domain events that never leave the service: the claim events only make uniqueness rules
 * (one account per e-mail address, one profile per user) atomic inside the store, and their
 * stream ids derive from personal data; admin reads of history are the audit's business, not
 * analytics'; notifications are a user's inbox, raised from topics already published; saved
 * searches, job alerts, their matches and digests are a user's own settings and inbox too; job
 * board syncs are operations records (the jobs they write are published as jobs).
 */
export const INTERNAL_EVENTS: { [K in InternalEventType]: null } = {
  ClaimTaken: null,
  ClaimReleased: null,
  AdminHistoryRead: null,
  NotificationRaised: null,
  NotificationRead: null,
  NotificationPreferencesSet: null,
  SavedSearchCreated: null,
  SavedSearchDeleted: null,
  JobAlertCreated: null,
  JobAlertPaused: null,
  JobAlertResumed: null,
  JobAlertDeleted: null,
  JobAlertMatched: null,
  JobAlertDigestJobAdded: null,
  JobAlertDigestClosed: null,
  JobAlertDigestSent: null,
  JobSourceSynced: null,
  JobSourceSyncFailed: null,
};
