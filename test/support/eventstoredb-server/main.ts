import { startTestServer } from './server';

/**
 * Command line of the EventStoreDB test server (run it through main.js, which compiles this
 * TypeScript on the fly):
 *
 *   node test/support/eventstoredb-server/main.js --data DIR [--host 127.0.0.1] [--port 0]
 *        [--stats-interval-ms 30000] [--max-append-size 1048576] [--initial-position 0]
 *        [--caught-up true|false]
 *
 * Prints one JSON line `{"listening":true,"port":N,"connection_string":"esdb://…?tls=false"}` on
 * stdout once it accepts connections. SIGTERM or SIGINT stop it cleanly; SIGKILL is a crash it
 * recovers from on the next start with the same --data. Arguments of the form -D… are ignored
 * (scripts/infra marks the processes it starts with one).
 */
function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-D')) continue;
    const value = argv[i + 1];
    if (!arg.startsWith('--') || value === undefined) throw new Error(`Unexpected argument ${arg}`);
    args[arg.slice(2)] = value;
    i++;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.data) throw new Error('--data DIR is required');
  const server = await startTestServer({
    host: args.host ?? '127.0.0.1',
    port: Number(args.port ?? 0),
    data_dir: args.data,
    stats_interval_ms: Number(args['stats-interval-ms'] ?? 30_000),
    max_append_size: args['max-append-size'] ? Number(args['max-append-size']) : undefined,
    initial_position: args['initial-position'] ? BigInt(args['initial-position']) : undefined,
    caught_up: args['caught-up'] !== 'false',
  });
  if (server.log.recovery.truncated_bytes > 0) {
    process.stderr.write(`eventstoredb-test-server: cut a torn log tail: ${JSON.stringify(server.log.recovery)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ listening: true, port: server.port, connection_string: server.connection_string, events: server.log.all.length })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`eventstoredb-test-server: ${(error as Error).stack}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`eventstoredb-test-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
