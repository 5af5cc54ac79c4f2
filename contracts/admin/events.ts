import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { Uuid } from '../shared/primitives';

/**
 * Events of the `adminaccess-<admin id>` stream: every admin read of history is itself recorded
 * (who looked at what, when and why), so that the audit shows the auditors too. `user_id` is
 * the admin: the reason they typed is encrypted with their key.
 */
/** What the admin did: a read of history, a projection rebuild (`target`: the projection) or a replay (`target`: the range as a query string). */
/** What an admin did: a read (history, audit, state, diff; the status of projections, a rebuild, a replay) or an action (rebuild, replay). */
export const AdminAction = z.enum(['stream_events', 'audit', 'state', 'diff', 'rebuild', 'replay', 'projections', 'rebuild_status', 'replay_status']);
export type AdminAction = z.infer<typeof AdminAction>;

export const AdminHistoryRead = defineEvent(
  'AdminHistoryRead',
  z.object({
    user_id: Uuid,
    action: AdminAction,
    /** The stream or entity read (`profile-<id>`), or the audit filter as a query string. */
    target: z.string().max(1000),
    reason: z.string().max(500).nullable(),
  }),
);

export const AdminEventSchemas = [AdminHistoryRead] as const;
