import { randomUUID } from 'node:crypto';
import { ReplayRequest, ReplayStatus } from '../../contracts/admin/http';
import { BUS_HEADERS, BusMessage, MessageBus } from '../bus/port';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { toBusMessage, toIntegrationEvent } from '../relay/mapping';
import { Clock } from '../shared/clock';
import { DomainError } from '../shared/errors';

const BATCH = 500;
const KEPT = 50;

/**
 * Replays for analytics (issue 13 item 6): re-publishes a range of history as integration events,
 * exactly as the relay maps them, marked `replay: true` (and `replay_id`) in their headers, so
 * JobWise's own consumers skip them while analytics may rebuild from them. Runs in the api
 * process that was asked; progress is kept in memory (the last 50 replays of this process).
 */
export class Replays {
  private readonly replays = new Map<string, ReplayStatus>();

  constructor(private readonly deps: { events: EventStore; serializer: EventSerializer; bus: MessageBus; clock: Clock }) {}

  start(request: ReplayRequest): ReplayStatus {
    const replay_id = randomUUID();
    const status: ReplayStatus = {
      replay_id,
      status: 'running',
      request: { ...request },
      scanned: 0,
      published: 0,
      position: request.from_position ?? '',
      started_at: this.deps.clock.now().toISOString(),
      finished_at: null,
      error: null,
    };
    this.replays.set(replay_id, status);
    for (const old of [...this.replays.keys()].slice(0, Math.max(0, this.replays.size - KEPT))) this.replays.delete(old);
    void this.run(status, request).catch((error: unknown) => {
      status.status = 'failed';
      status.error = error instanceof Error ? error.message : String(error);
      status.finished_at = this.deps.clock.now().toISOString();
    });
    return { ...status };
  }

  get(replay_id: string): ReplayStatus {
    const status = this.replays.get(replay_id);
    if (!status) throw new DomainError('ADMIN.NOT_FOUND', 'No such replay in this process');
    return { ...status };
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
