import { NotificationDocument, NotificationsReadModel, PreferencesDocument, PreferencesReadModel } from '../contracts/notifications/read-model';
import { Projection } from '../contracts/shared/projection';

/** `notifications_v1`: one document per notification; read ones stay (marked) until erasure. */
export const notificationsProjection: Projection<NotificationDocument> = {
  ...NotificationsReadModel,
  owner: 'user_id',
  handles: ['NotificationRaised', 'NotificationRead'],
  indexes: [{ fields: { user_id: 1, read: 1, created_at: -1 } }],
  documentId: (event) => event.stream_id.slice('notification-'.length),
  evolve(current, event) {
    const at = event.metadata.occurred_at;
    if (event.type === 'NotificationRaised') {
      const { notification_id, user_id, kind, title, refs } = event.data;
      return { id: notification_id, user_id, kind, title, refs, read: false, created_at: at, read_at: null, version: event.revision + 1 };
    }
    if (!current || event.type !== 'NotificationRead') return current;
    return { ...current, read: true, read_at: at, version: event.revision + 1 };
  },
};

/** `notification_preferences_v1`: a user's last preferences. */
export const notificationPreferencesProjection: Projection<PreferencesDocument> = {
  ...PreferencesReadModel,
  owner: 'user_id',
  handles: ['NotificationPreferencesSet'],
  documentId: (event) => event.stream_id.slice('notificationprefs-'.length),
  evolve(_current, event) {
    if (event.type !== 'NotificationPreferencesSet') return _current;
    const { user_id, kinds, digest } = event.data;
    return { user_id, kinds, digest, version: event.revision + 1 };
  },
};
