import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { page, PageQuery } from '../shared/read-model';
import { NotificationPreferencesSet, NotificationKind, NotificationRefs } from './events';

/** Bodies of the notification API (issue 14 item 4). */
export const NotificationView = z.object({
  id: Uuid,
  kind: NotificationKind,
  title: z.string(),
  refs: NotificationRefs,
  read: z.boolean(),
  created_at: IsoTimestamp,
  read_at: IsoTimestamp.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = z.strictObject({
  ...PageQuery.shape,
  unread: z.enum(['true', 'false']).optional(),
  kind: NotificationKind.optional(),
});
export type NotificationListQuery = z.output<typeof NotificationListQuery>;

/** Unread first, then newest first; `unread_total` counts every unread one. */
export const NotificationPage = page(NotificationView).extend({ unread_total: z.number().int() });
export type NotificationPage = z.infer<typeof NotificationPage>;

export const Preferences = NotificationPreferencesSet.shape.data.omit({ user_id: true });
export type Preferences = z.infer<typeof Preferences>;
/** PUT: any kinds and/or the digest; what is left out stays. */
export const PreferencesRequest = z
  .strictObject({ kinds: Preferences.shape.kinds.partial().optional(), digest: Preferences.shape.digest.optional() })
  .refine((body) => body.kinds !== undefined || body.digest !== undefined, { error: 'name kinds, digest or both' })
  .meta({ minProperties: 1 });
export const ReadAllResult = z.object({ marked: z.number().int() });
