import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { AuditEntry, AuditQuery, Entity, ReplayRequest, ReplayStatus } from '../contracts/admin/http';
import { allProjections } from '../projections';
import { AdminHistory } from '../src/admin/admin-history';
import { Replays, replayTarget } from '../src/admin/replays';
import { MessageBus } from '../src/bus/port';
import { buildProjectionRebuilds, FOLDERS } from '../src/composition/admin';
import { loadConfig } from '../src/config';
import { buildContainer } from '../src/container';
import { TOKENS } from '../src/container-tokens';
import { EventStore } from '../src/event-store/port';
import { ReadStore } from '../src/read-store/port';
import { CommandHandler } from '../src/shared/command-handler';
import { ID_NAMESPACES, uuidV5 } from '../src/shared/ids';
import { systemClock } from '../src/shared/clock';
import { createLogger } from '../src/shared/logger';

const HELP = `npm run admin -- <command> [options]   (against the stores the environment configures)

  history <stream> [--from-revision N] [--limit N]        a stream's events with metadata (decrypted; secrets hidden)
  audit [--actor ID] [--aggregate NAME] [--event-type T]   events across streams, metadata only, in log order
        [--from TIME] [--to TIME] [--limit N]
  state-at <entity> <id> [--as-of-revision N | --as-of TIME]
                                                           an entity at a past moment, the latest without either
                                                           (entity: ${Entity.options.join(', ')}; alias: state)
  diff <entity> <id> --from R|TIME --to R|TIME            what changed between two moments, field by field
  rebuild <projection>                                     rebuild a read model from the start of the log into a new
                                                           collection, then switch over and drop the old one (ADR 0012)
                                                           (projection: ${allProjections.map((p) => p.name).join(', ')})
  replay [--from-position P | --from-time TIME]            re-publish a range of history to Kafka as integration events
         [--to-position P | --to-time TIME]                marked as replays (JobWise's own consumers skip them); positions
         [--stream-prefix PREFIX] [--topic TOPIC]          exclusive at the start, inclusive at the end; needs KAFKA_BROKERS

  --reason TEXT   why (recorded with the action, as every admin read and action is)
  --help          this list

Every command is recorded as AdminHistoryRead by operator:<your login>. With the embedded stores
(no EVENTSTORE_CONNECTION_STRING), stop the app first: the event log is locked by its process.
A rebuild from here pauses no projector: stop the projector role first (the rebuild fails, changing
nothing, if the live checkpoint moves meanwhile); while the app runs, use
POST /api/v1/admin/projections/{name}/rebuild instead, which keeps serving during the rebuild.`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean' },
      reason: { type: 'string' },
      limit: { type: 'string' },
      'from-revision': { type: 'string' },
      actor: { type: 'string' },
      aggregate: { type: 'string' },
      'event-type': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'as-of-revision': { type: 'string' },
      'as-of': { type: 'string' },
      'from-position': { type: 'string' },
      'from-time': { type: 'string' },
      'to-position': { type: 'string' },
      'to-time': { type: 'string' },
      'stream-prefix': { type: 'string' },
      topic: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const config = { ...loadConfig(), roles: [] };
  // Warnings to stderr: stdout carries only the JSON answer.
  const logger = createLogger({ level: 'warn', destination: pino.destination(2) });
  const container = await buildContainer(config, logger);
  const events = container.get<EventStore>(TOKENS.EventStore);
  const readStore = container.get<ReadStore>(TOKENS.ReadStore);
  const commands = container.get<CommandHandler>(TOKENS.CommandHandler);
  const history = new AdminHistory({ events, serializer: commands.serializer, readStore, commands, folders: FOLDERS });
  const operator = `operator:${userInfo().username}`;
  const context = { correlation_id: `admin-cli-${Date.now()}`, causation_id: null, actor: uuidV5(operator, ID_NAMESPACES.operator), now: new Date().toISOString() };
  const reason = values.reason;
  const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
  try {
    switch (command) {
      case 'history': {
        const [stream] = args;
        print(await history.streamEvents(required(stream, 'stream'), { from_revision: Number(values['from-revision'] ?? 0), limit: Number(values.limit ?? 100), reason }, context));
        return 0;
      }
      case 'audit': {
        const query = AuditQuery.parse({ actor: values.actor, aggregate: values.aggregate, event_type: values['event-type'], from: values.from, to: values.to, limit: values.limit, reason });
        // The audit read model lives in MongoDB when it is configured; the embedded one exists only inside the app's process, so the log is scanned.
        print(config.mongodb ? await history.audit(query, context) : await auditFromLog(events, query));
        return 0;
      }
      case 'state-at':
      case 'state': {
        const [entity, id] = args;
        const moment = { revision: values['as-of-revision'] === undefined ? undefined : Number(values['as-of-revision']), time: values['as-of'] };
        print(await history.stateAt(Entity.parse(entity), required(id, 'id'), moment, reason, context));
        return 0;
      }
      case 'diff': {
        const [entity, id] = args;
        print(await history.diff(Entity.parse(entity), required(id, 'id'), required(values.from, '--from'), required(values.to, '--to'), reason, context));
        return 0;
      }
      case 'rebuild': {
        const name = required(args[0], 'projection');
        if (!allProjections.some((p) => p.name === name)) {
          console.error(`unknown projection ${name}; known: ${allProjections.map((p) => p.name).join(', ')}`);
          return 2;
        }
        const rebuilds = buildProjectionRebuilds({ events, readStore, serializer: commands.serializer, runners: [], logger, offline: true });
        await rebuilds.start(name, context.actor);
        const finished = rebuilds.wait(name);
        await history.recordAction('rebuild', name, reason, context);
        const status = await finished;
        print(status);
        return status?.phase === 'completed' ? 0 : 1;
      }
      case 'replay': {
        if (!config.kafka) {
          console.error('replay needs KAFKA_BROKERS: without it the bus lives inside this command and nothing would receive the messages');
          return 2;
        }
        const request = ReplayRequest.parse({
          from_position: values['from-position'],
          from_time: values['from-time'],
          to_position: values['to-position'],
          to_time: values['to-time'],
          stream_prefix: values['stream-prefix'],
          topic: values.topic,
          reason,
        });
        const replays = new Replays({ events, serializer: commands.serializer, bus: container.get<MessageBus>(TOKENS.Bus), clock: systemClock, readStore });
        await history.recordAction('replay', replayTarget(request), reason, context);
        let status: ReplayStatus = await replays.start(request);
        while (status.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = await replays.get(status.replay_id);
        }
        print(status);
        return status.status === 'completed' ? 0 : 1;
      }
      default:
        console.error(`unknown command ${command}\n\n${HELP}`);
        return 2;
    }
  } finally {
    await container.get<MessageBus>(TOKENS.Bus).close();
    await readStore.close();
    await events.close();
  }
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required (see --help)`);
  return value;
}

/** The audit query over the event log itself (metadata only), for the embedded stores. */
async function auditFromLog(events: EventStore, query: AuditQuery): Promise<{ items: AuditEntry[] }> {
  const items: AuditEntry[] = [];
  let after = '';
  for (;;) {
    const batch = await events.readAll({ after_position: after, max_count: 1000 });
    for (const event of batch) {
      const aggregate = event.stream_id.slice(0, Math.max(0, event.stream_id.indexOf('-'))) || event.stream_id;
      const at = Date.parse(event.metadata.occurred_at);
      if (query.actor && event.metadata.actor !== query.actor) continue;
      if (query.aggregate && aggregate !== query.aggregate) continue;
      if (query.event_type && event.type !== query.event_type) continue;
      if ((query.from && at < Date.parse(query.from)) || (query.to && at > Date.parse(query.to))) continue;
      const { actor, correlation_id, causation_id, occurred_at } = event.metadata;
      items.push({ event_id: event.event_id, event_type: event.type, aggregate, stream_id: event.stream_id, revision: event.revision, position: event.position, actor, correlation_id, causation_id, occurred_at });
      if (items.length >= query.limit) return { items };
    }
    if (batch.length < 1000) return { items };
    after = batch[batch.length - 1].position;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
