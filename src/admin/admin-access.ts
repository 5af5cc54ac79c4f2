import { AdminAction } from '../../contracts/admin/events';
import { DomainEvent } from '../../contracts/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';

type AdminRead = Extract<DomainEvent, { type: 'AdminHistoryRead' }>;
export interface RecordRead {
  admin_id: string;
  action: AdminAction;
  target: string;
  reason: string | null;
}

/**
 * `adminaccess-<admin id>`: an append-only record of an admin's reads of history. Nothing to
 * decide: every read is recorded.
 */
export const adminAccessAggregate: Aggregate<RecordRead, RecordRead, AdminRead, null> = {
  decider: {
    initialState: null,
    decide: ({ admin_id, action, target, reason }) => [{ type: 'AdminHistoryRead', data: { user_id: admin_id, action, target, reason } }],
    evolve: (state) => state,
  },
  streamOf: (request) => streamName('adminaccess', request.admin_id),
};
