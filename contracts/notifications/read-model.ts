import { z } from 'zod';
import { Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { NotificationView, Preferences } from './http';

/** `notifications_v1`: one document per notification (serves the list, the stream and read-all). */
export const NotificationDocument = NotificationView.extend({ ...ProjectedFields, user_id: Uuid, version: z.number().int() });
export type NotificationDocument = z.infer<typeof NotificationDocument>;
export const NotificationsReadModel = defineReadModel('notifications_v1', NotificationDocument);

/** `notification_preferences_v1`: one document per user who changed their preferences (the others have the defaults). */
export const PreferencesDocument = Preferences.extend({ ...ProjectedFields, user_id: Uuid, version: z.number().int() });
export type PreferencesDocument = z.infer<typeof PreferencesDocument>;
export const PreferencesReadModel = defineReadModel('notification_preferences_v1', PreferencesDocument);

export const DEFAULT_PREFERENCES: z.infer<typeof Preferences> = {
  kinds: { generation_completed: true, generation_failed: true, share_viewed: true, job_alert: true },
  digest: 'instant',
};
