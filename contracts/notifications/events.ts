import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { Uuid } from '../shared/primitives';

/**
 * Events of `notification-<uuid>` (one notification each) and `notificationprefs-<user id>` (a
 * user's preferences). A notification's id derives from the integration event that raised it, so
 * a redelivered or replayed message raises nothing new. Texts are generic ("Your resume is
 * ready"); what they are about travels as ids.
 */
export const NotificationKind = z.enum(['generation_completed', 'generation_failed', 'share_viewed', 'job_alert']);
export type NotificationKind = z.infer<typeof NotificationKind>;
export const NOTIFICATION_KINDS = NotificationKind.options;

export const DigestFrequency = z.enum(['instant', 'daily', 'weekly']);

export const NotificationRefs = z.strictObject({
  generation_id: Uuid.optional(),
  document_id: Uuid.optional(),
  job_id: z.string().max(100).optional(),
  /** A job-alert digest's jobs, in the order they matched. */
  job_ids: z.array(z.string().max(100)).max(1000).optional(),
  share_id: Uuid.optional(),
});

export const NotificationRaised = defineEvent(
  'NotificationRaised',
  z.object({
    notification_id: Uuid,
    user_id: Uuid,
    kind: NotificationKind,
    title: z.string().min(1).max(200),
    refs: NotificationRefs,
    /** The integration event that raised it. */
    source_event_id: Uuid,
  }),
);

export const NotificationRead = defineEvent('NotificationRead', z.object({ notification_id: Uuid, user_id: Uuid }));

export const NotificationPreferencesSet = defineEvent(
  'NotificationPreferencesSet',
  z.object({
    user_id: Uuid,
    /** Per kind: raise it (true) or not. */
    kinds: z.strictObject(Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean()])) as Record<NotificationKind, z.ZodBoolean>),
    /** How job alerts are delivered: each at once, or gathered into a daily or weekly digest. */
    digest: DigestFrequency,
  }),
);

export const NotificationEventSchemas = [NotificationRaised, NotificationRead, NotificationPreferencesSet] as const;
export const NotificationEventSchema = z.discriminatedUnion('type', NotificationEventSchemas);
export type NotificationEvent = z.infer<typeof NotificationEventSchema>;
