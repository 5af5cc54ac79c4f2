import { randomUUID } from 'node:crypto';
import { ReplayRequest, ReplayStatus } from '../../contracts/admin/http';
import { BUS_HEADERS, BusMessage, MessageBus } from '../bus/port';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { Doc, ReadStore } from '../read-store/port';
import { toBusMessage, toIntegrationEvent } from '../relay/mapping';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/errors';

const BATCH = 500;
const KEPT = 50;
/** Where every replay's status is kept (one document per replay), for every api process and after a restart. */
export const REPLAYS_COLLECTION = 'admin_replays';
/** A running replay's status not written for this long belongs to a process that is gone (it is written after every batch). */
export const ABANDONED_MS = 60_000;
export const ABANDONED = 'the process running this replay stopped before it finished; start a new one from its position';

type StoredReplay = ReplayStatus & Doc & { updated_at: string };

/**
 * Replays for analytics (issue 13 item 6): re-publishes a range of history as integration events,
 * exactly as the relay maps them, marked `replay: true` (and `replay_id`) in their headers, so
 * JobWise's own consumers skip them while analytics may rebuild from them. Runs in the api
 * process that was asked; its progress is written to the read store (`admin_replays`) when it
 * starts, after every batch and when it ends, so any api process shows it, also after a restart.
 * A running replay whose status stopped moving (its process died) shows as failed.
 */
export class Replays {
  /** This process's replays (the last 50), read before the store: they are the freshest. */
  private readonly replays = new Map<string, ReplayStatus>();

  constructor(private readonly deps: { events: EventStore; serializer: EventSerializer; bus: MessageBus; clock: Clock; readStore: ReadStore }) {}

  async start(request: ReplayRequest): Promise<ReplayStatus> {
    const replay_id = randomUUID();
    // The reason is free text an admin typed: it is kept only in the AdminHistoryRead event, whose
    // personal fields are encrypted and erasable, never in the status every api process stores.
    const { reason: _reason, ...range } = request;
    const status: ReplayStatus = {
      replay_id,
      status: 'running',
      request: range,
      scanned: 0,
      published: 0,
      position: request.from_position ?? '',
      started_at: this.deps.clock.now().toISOString(),
      finished_at: null,
      error: null,
    };
    await this.persist(status);
    this.replays.set(replay_id, status);
    for (const old of [...this.replays.keys()].slice(0, Math.max(0, this.replays.size - KEPT))) this.replays.delete(old);
    void this.run(status, request)
      .catch((error: unknown) => {
        status.status = 'failed';
        status.error = error instanceof Error ? error.message : String(error);
        status.finished_at = this.deps.clock.now().toISOString();
      })
      .then(() => this.persist(status))
      .catch(() => undefined); // the store is gone (shutdown): the stored status stops moving and shows as abandoned
    return { ...status };
  }

  /** A replay's status, from this process or from the store (started by another process or before a restart). */
  async get(replay_id: string): Promise<ReplayStatus> {
    const here = this.replays.get(replay_id);
    if (here) return { ...here };
    const stored = await this.deps.readStore.collection<StoredReplay>(REPLAYS_COLLECTION).get(replay_id);
    if (!stored) throw new DomainError('ADMIN.NOT_FOUND', 'No such replay');
    const { _id: _ignored, updated_at, ...status } = stored;
    if (status.status === 'running' && this.deps.clock.now().getTime() - Date.parse(updated_at) >= ABANDONED_MS) {
      return { ...status, status: 'failed', error: ABANDONED, finished_at: null };
    }
    return status;
  }

  private async persist(status: ReplayStatus): Promise<void> {
    await this.deps.readStore.collection<StoredReplay>(REPLAYS_COLLECTION).upsert({ ...status, _id: status.replay_id, updated_at: this.deps.clock.now().toISOString() });
  }

  private async run(status: ReplayStatus, request: ReplayRequest): Promise<void> {
    const from = request.from_time ? Date.parse(request.from_time) : -Infinity;
    const to = request.to_time ? Date.parse(request.to_time) : Infinity;
    let after = request.from_position ?? '';
    for (;;) {
      const batch = await this.deps.events.readAll({ after_position: after, max_count: BATCH });
      const byTopic = new Map<string, BusMessage[]>();
      let done = batch.length < BATCH;
      for (const event of batch) {
        if (request.to_position && event.position > request.to_position) {
          done = true;
          break;
        }
        const at = Date.parse(event.metadata.occurred_at);
        status.scanned++;
        status.position = event.position;
        // occurred_at is only roughly in log order (concurrent writers), so a time range filters rather than stops.
        if (at < from || at > to || (request.stream_prefix && !event.stream_id.startsWith(request.stream_prefix))) continue;
        const outgoing = toIntegrationEvent(await this.deps.serializer.deserialize(event));
        if (!outgoing || (request.topic && outgoing.topic !== request.topic)) continue;
        const message = toBusMessage(outgoing, event.position);
        message.headers[BUS_HEADERS.replay] = 'true';
        message.headers[BUS_HEADERS.replay_id] = status.replay_id;
        byTopic.set(outgoing.topic, [...(byTopic.get(outgoing.topic) ?? []), message]);
      }
      for (const [topic, messages] of byTopic) {
        await this.deps.bus.publish(topic, messages);
        status.published += messages.length;
      }
      await this.persist(status);
      if (done || batch.length === 0) break;
      after = batch[batch.length - 1].position;
    }
    status.status = 'completed';
    status.finished_at = this.deps.clock.now().toISOString();
  }
}

/** The replayed range as a query string, as the audit records it. */
export function replayTarget(request: ReplayRequest): string {
  const { reason: _reason, ...range } = request;
  return new URLSearchParams(Object.entries(range).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString();
}
