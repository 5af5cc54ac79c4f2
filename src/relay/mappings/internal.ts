import { z } from 'zod';
import { AdminEventSchemas } from '../../../contracts/admin/events';
import { NotificationEventSchemas } from '../../../contracts/notifications/events';
import { ClaimEventSchemas } from '../../../contracts/shared/claims';

type InternalEventType = z.infer<(typeof ClaimEventSchemas)[number] | (typeof AdminEventSchemas)[number] | (typeof NotificationEventSchemas)[number]>['type'];

/**
 * Domain events that never leave the service: the claim events only make uniqueness rules
 * (one account per e-mail address, one profile per user) atomic inside the store, and their
 * stream ids derive from personal data; admin reads of history are the audit's business, not
 * analytics'; notifications are a user's inbox, raised from topics already published.
 */
export const INTERNAL_EVENTS: { [K in InternalEventType]: null } = {
  ClaimTaken: null,
  ClaimReleased: null,
  AdminHistoryRead: null,
  NotificationRaised: null,
  NotificationRead: null,
  NotificationPreferencesSet: null,
};
