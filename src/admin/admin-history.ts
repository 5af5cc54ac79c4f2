import { AuditEntry, AuditQuery, Entity, EntityDiff, EntityState, HistoryEvent, StreamEventsQuery } from '../../contracts/admin/http';
import { AuditDocument, AuditReadModel } from '../../contracts/admin/read-model';
import { AdminAction } from '../../contracts/admin/events';
import { DomainEnvelope } from '../../contracts/events';
import { live } from '../../contracts/shared/read-model';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { Filter, ReadStore } from '../read-store/port';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { adminAccessAggregate } from './admin-access';
import { diff, plain } from './plain-state';

/** How an entity's state is folded: its aggregate's own decider (given by the composition root). */
export interface Folder {
  category: string;
  initialState: unknown;
  evolve(state: unknown, event: DomainEnvelope): unknown;
  /** The read model's own fold (what GET answered at that moment), when the entity has one. */
  view?: { handles: readonly string[]; evolve(doc: unknown, event: DomainEnvelope): unknown };
}

export interface AdminHistoryDeps {
  events: EventStore;
  serializer: EventSerializer;
  readStore: ReadStore;
  commands: CommandHandler;
  folders: Record<Entity, Folder>;
}

/**
 * The admin's view of history (issue 13): a stream's events with their metadata, the audit across
 * all streams, an entity as of a past moment and the difference between two moments. Every call
 * first records who read what and why (`AdminHistoryRead`), so the audit shows the auditors.
 */
export class AdminHistory {
  constructor(private readonly deps: AdminHistoryDeps) {}

  async streamEvents(stream: string, query: StreamEventsQuery, context: CommandContext) {
    await this.record('stream_events', stream, query.reason, context);
    const recorded = await this.deps.events.readStream(stream, { direction: 'forwards', from_revision: query.from_revision, max_count: query.limit + 1 });
    const page = recorded.slice(0, query.limit);
    const items: HistoryEvent[] = [];
    for (const event of page) {
      const decoded = await this.deps.serializer.deserialize(event);
      items.push({
        event_id: event.event_id,
        type: event.type,
        stream_id: event.stream_id,
        revision: event.revision,
        position: event.position,
        recorded_at: event.recorded_at,
        metadata: { ...event.metadata },
        data: plain(decoded.data) as Record<string, unknown>,
      });
    }
    return { stream, items, next_revision: recorded.length > query.limit ? page[page.length - 1].revision + 1 : null };
  }

  async audit(query: AuditQuery, context: CommandContext) {
    const { reason: _reason, cursor, limit, ...filters } = query;
    await this.record('audit', new URLSearchParams(Object.entries(filters).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString(), query.reason, context);
    const clauses: Filter[] = [];
    if (filters.actor) clauses.push({ actor: filters.actor });
    if (filters.aggregate) clauses.push({ aggregate: filters.aggregate });
    if (filters.event_type) clauses.push({ event_type: filters.event_type });
    if (filters.from) clauses.push({ occurred_at: { $gte: new Date(filters.from).toISOString() } });
    if (filters.to) clauses.push({ occurred_at: { $lte: new Date(filters.to).toISOString() } });
    if (cursor) clauses.push({ position: { $gt: Buffer.from(cursor, 'base64url').toString('utf8') } });
    const docs = await this.deps.readStore
      .collection<AuditDocument>(AuditReadModel.collection)
      .find(live(clauses.length > 0 ? { $and: clauses } : {}), { sort: { position: 1 }, limit: limit + 1 });
    const items: AuditEntry[] = docs.slice(0, limit).map(({ _id, _applied, _deleted, subject: _subject, ...entry }) => entry);
    const next_cursor = docs.length > limit ? Buffer.from(items[items.length - 1].position, 'utf8').toString('base64url') : null;
    return { items, next_cursor };
  }

  async stateAt(entity: Entity, id: string, moment: { revision?: number; time?: string }, reason: string | undefined, context: CommandContext): Promise<EntityState> {
    const stream = this.streamOf(entity, id);
    await this.record('state', stream, reason, context);
    return { entity, id, stream, ...(await this.fold(entity, stream, moment)) };
  }

  async diff(entity: Entity, id: string, from: string, to: string, reason: string | undefined, context: CommandContext): Promise<EntityDiff> {
    const stream = this.streamOf(entity, id);
    await this.record('diff', `${stream}?from=${from}&to=${to}`, reason, context);
    const [before, after] = await Promise.all([this.fold(entity, stream, momentOf(from)), this.fold(entity, stream, momentOf(to))]);
    return {
      entity,
      id,
      from: { revision: before.revision, occurred_at: before.occurred_at },
      to: { revision: after.revision, occurred_at: after.occurred_at },
      changes: diff({ state: before.state, view: before.view }, { state: after.state, view: after.view }),
    };
  }

  private streamOf(entity: Entity, id: string): string {
    return `${this.deps.folders[entity].category}-${id}`;
  }

  /** The state after the events up to a revision (inclusive) or that occurred by a time; 404 when the stream is empty. */
  private async fold(entity: Entity, stream: string, moment: { revision?: number; time?: string }) {
    const recorded = await this.deps.events.readStream(stream, { direction: 'forwards', from_revision: 0, ...(moment.revision !== undefined ? { max_count: moment.revision + 1 } : {}) });
    if (recorded.length === 0) throw new DomainError('ADMIN.NOT_FOUND', `No ${entity} with this id has any history`);
    const folder = this.deps.folders[entity];
    let state = folder.initialState;
    let view: unknown = null;
    let last: { revision: number; occurred_at: string | null } = { revision: -1, occurred_at: null };
    const until = moment.time ? Date.parse(moment.time) : Infinity;
    for (const event of recorded) {
      if (Date.parse(event.metadata.occurred_at) > until) break;
      const decoded = await this.deps.serializer.deserialize(event);
      state = folder.evolve(state, decoded);
      if (folder.view?.handles.includes(decoded.type)) view = folder.view.evolve(view, decoded);
      last = { revision: event.revision, occurred_at: event.metadata.occurred_at };
    }
    return { ...last, state: plain(state), view: plain(view) };
  }

  /** Records an admin action (a rebuild, a replay) or a read of their status, in the same audit as the history reads. */
  recordAction(action: AdminAction, target: string, reason: string | undefined, context: CommandContext): Promise<void> {
    return this.record(action, target, reason, context);
  }

  private async record(action: AdminAction, target: string, reason: string | undefined, context: CommandContext): Promise<void> {
    const admin = context.actor;
    if (!admin) throw new DomainError('AUTH.FORBIDDEN', 'Only a signed-in admin reads history');
    await this.deps.commands.handle(adminAccessAggregate, { admin_id: admin, action, target: target.slice(0, 1000), reason: reason ?? null }, context);
  }
}

/** A revision number or a time. */
export const momentOf = (value: string): { revision?: number; time?: string } => (/^[0-9]+$/.test(value) ? { revision: Number(value) } : { time: value });

export const adminStream = (admin_id: string) => streamName('adminaccess', admin_id);
