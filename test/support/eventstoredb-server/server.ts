import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { EventLog, ProposedEvent } from './store';
import { streamsService } from './streams-service';

/**
 * The JobWise EventStoreDB test server, in this process: EventStoreDB's gRPC Streams service
 * (see streams-service.ts and docs/decisions/0007-eventstoredb-test-server.md) over a durable
 * log in `data_dir`. A test fixture only; real deployments run EventStoreDB/KurrentDB.
 */
export interface TestServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  data_dir: string;
  /** Appends a `$statsCollected` event to `$stats-<host>:<port>` this often, as a node does every 30 s (0: never). */
  stats_interval_ms?: number;
  max_append_size?: number;
  /** Position of a fresh log's first event (default 0). */
  initial_position?: bigint;
  /** false: subscriptions never send `caughtUp`, as servers before 23.10 (default true). */
  caught_up?: boolean;
}

export interface RunningTestServer {
  readonly port: number;
  readonly connection_string: string;
  readonly log: EventLog;
  /** Cancels every call and closes the log (what a clean node shutdown looks like to clients). */
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions): Promise<RunningTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = await EventLog.open(options.data_dir, { initial_position: options.initial_position });
  const server = new Server({ 'grpc.max_receive_message_length': 17 * 1024 * 1024 });
  server.addService(StreamsService, streamsService(log, { max_append_size: options.max_append_size, caught_up: options.caught_up }));
  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`${host}:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
  } catch (error) {
    await log.close();
    throw error;
  }
  // A fresh node writes its own system events before any client does.
  if (log.isEmpty) {
    await appendSystemEvent(log, '$users', '$User', { LoginName: 'admin' });
    await appendSystemEvent(log, '$user-admin', '$UserCreated', { LoginName: 'admin', FullName: 'Event Store Administrator' });
  }
  const statsStream = `$stats-${host}:${port}`;
  const stats =
    options.stats_interval_ms && options.stats_interval_ms > 0
      ? setInterval(() => {
          appendSystemEvent(log, statsStream, '$statsCollected', { 'proc-startTime': new Date().toISOString(), 'es-queue-count': 0 }).catch(() => undefined);
        }, options.stats_interval_ms)
      : null;
  stats?.unref();

  return {
    port,
    connection_string: `esdb://${host}:${port}?tls=false`,
    log,
    close: async () => {
      if (stats) clearInterval(stats);
      server.forceShutdown();
      await log.close();
    },
  };
}

function appendSystemEvent(log: EventLog, stream: string, type: string, data: object) {
  const event: ProposedEvent = { id: randomUUID(), type, is_json: true, data: Buffer.from(JSON.stringify(data)), custom_metadata: Buffer.alloc(0) };
  return log.append(stream, { kind: 'any' }, [event]);
}
