import { z } from 'zod';
import { IsoTimestamp } from '../shared/primitives';
import { NotificationPreferencesSet, NotificationRaised, NotificationRead } from './events';

/** Commands on a notification (the notifier raises, the owner reads) and on a user's preferences. */
export const RaiseNotification = z.object({ type: z.literal('RaiseNotification'), now: IsoTimestamp, ...NotificationRaised.shape.data.shape });
export const ReadNotification = z.object({ type: z.literal('ReadNotification'), now: IsoTimestamp, ...NotificationRead.shape.data.shape });
export const NotificationCommandSchema = z.discriminatedUnion('type', [RaiseNotification, ReadNotification]);
export type NotificationCommand = z.infer<typeof NotificationCommandSchema>;

export const SetPreferences = z.object({ type: z.literal('SetPreferences'), now: IsoTimestamp, ...NotificationPreferencesSet.shape.data.shape });
export type SetPreferences = z.infer<typeof SetPreferences>;
