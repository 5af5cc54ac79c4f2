import { NotificationListQuery, NotificationPage, NotificationView, Preferences } from '../../contracts/notifications/http';
import { DEFAULT_PREFERENCES, NotificationDocument, NotificationsReadModel, PreferencesDocument, PreferencesReadModel } from '../../contracts/notifications/read-model';
import { Uuid } from '../../contracts/shared/primitives';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { Filter, ReadStore } from '../read-store/port';

export const toView = (doc: NotificationDocument): NotificationView => {
  const { user_id: _user, version: _version, ...view } = withoutBookkeeping(doc);
  return view;
};

/** Reads of the caller's notifications and preferences. */
export class NotificationQueries {
  constructor(private readonly store: ReadStore) {}

  private get notifications() {
    return this.store.collection<NotificationDocument>(NotificationsReadModel.collection);
  }

  /** Unread first, then newest first. */
  async list(query: NotificationListQuery, user_id: string): Promise<NotificationPage> {
    const clauses: Filter[] = [{ user_id }];
    if (query.unread) clauses.push({ read: query.unread === 'false' });
    if (query.kind) clauses.push({ kind: query.kind });
    const filter = live({ $and: clauses });
    const [docs, total, unread_total] = await Promise.all([
      this.notifications.find(filter, { sort: { read: 1, created_at: -1 }, skip: query.offset, limit: query.limit }),
      this.notifications.count(filter),
      this.notifications.count(live({ user_id, read: false })),
    ]);
    return { items: docs.map(toView), total, limit: query.limit, offset: query.offset, unread_total };
  }

  /** The caller's unread notifications (read-all marks them). */
  unread(user_id: string): Promise<NotificationDocument[]> {
    return this.notifications.find(live({ user_id, read: false }), { sort: { created_at: 1 } });
  }

  /** Notifications created at or after `since` (ISO), oldest first: what the event stream sends next (it skips those it sent). */
  async since(user_id: string, since: string): Promise<NotificationView[]> {
    return (await this.notifications.find(live({ user_id, created_at: { $gte: since } }), { sort: { created_at: 1, id: 1 }, limit: 100 })).map(toView);
  }

  /** When a notification of the user was created; null when it is not theirs, not there, or `id` is no id. */
  async createdAt(id: string, user_id: string): Promise<string | null> {
    if (!Uuid.safeParse(id).success) return null;
    const doc = await this.notifications.get(id);
    return doc && !doc._deleted && doc.user_id === user_id ? doc.created_at : null;
  }

  async preferences(user_id: string): Promise<Preferences> {
    const doc = await this.store.collection<PreferencesDocument>(PreferencesReadModel.collection).get(user_id);
    return doc && !doc._deleted ? { kinds: doc.kinds, digest: doc.digest } : DEFAULT_PREFERENCES;
  }
}
