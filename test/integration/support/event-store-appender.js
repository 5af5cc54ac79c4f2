'use strict';
/**
 * Child process for the durability test: opens the (compiled) embedded event store and appends
 * to several streams as fast as it can, printing each acknowledged append. Runs until killed.
 *
 *   node event-store-appender.js <compiled embedded/index.js> <data dir> <stream count>
 *   stdout: ack <stream> <last revision> <last position> <event ids, comma separated>
 */
const { randomUUID } = require('node:crypto');

const [modulePath, dir, streamCount] = process.argv.slice(2);
const { openEmbeddedEventStore } = require(modulePath);

async function appendForever(store, stream, batchSize) {
  const [last] = await store.readStream(stream, { direction: 'backwards', max_count: 1 });
  let revision = last ? last.revision : -1;
  for (;;) {
    const events = Array.from({ length: batchSize }, (_, i) => ({
      event_id: randomUUID(),
      type: 'LoadTested',
      data: { stream, i, padding: 'x'.repeat(200) },
      metadata: { correlation_id: randomUUID(), causation_id: null, actor: null, occurred_at: new Date().toISOString(), schema_version: 1 },
    }));
    const result = await store.appendToStream(stream, events, revision < 0 ? 'no_stream' : revision);
    revision = result.next_expected_revision;
    // Pipes are written synchronously on Linux: a printed line was acknowledged before it left.
    process.stdout.write(`ack ${stream} ${revision} ${result.position} ${events.map((e) => e.event_id).join(',')}\n`);
  }
}

async function main() {
  const store = await openEmbeddedEventStore(dir);
  const streams = Array.from({ length: Number(streamCount) }, (_, i) => `load-${i}`);
  await Promise.all(streams.map((stream, i) => appendForever(store, stream, (i % 3) + 1)));
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
