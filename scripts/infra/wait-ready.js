#!/usr/bin/env node
/*
 * Waits until a test server started by scripts/infra/up.sh really answers.
 *
 *   node scripts/infra/wait-ready.js kafka --brokers 127.0.0.1:39092 [--timeout 90] [--pid N]
 *   node scripts/infra/wait-ready.js mongo --url mongodb://127.0.0.1:37017/ [--timeout 60] [--pid N]
 *   node scripts/infra/wait-ready.js eventstore --url esdb://127.0.0.1:32113?tls=false [--timeout 60] [--pid N]
 *
 * kafka: an admin client connects, creates and lists a throw-away topic, an idempotent producer
 *        writes to it with acks=all and the group coordinator answers; the topic is then deleted.
 * mongo: the driver connects and `ping` succeeds.
 * eventstore: the EventStoreDB client reads the last event of $all (a fresh node has system events).
 * With --pid the wait stops early when that process has exited. Exit code 0 when ready, 1 when not.
 * Plain CommonJS so it runs without a TypeScript build.
 */
'use strict';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const RETRY_EVERY_MS = 500;

function parseArgs(argv) {
  const [kind, ...rest] = argv;
  const options = { kind, timeout: 60 };
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i].replace(/^--/, '');
    const value = rest[i + 1];
    if (value === undefined) throw new Error(`missing value for ${rest[i]}`);
    options[key] = key === 'timeout' || key === 'pid' ? Number(value) : value;
  }
  return options;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function kafkaAnswers(brokers) {
  const { Kafka, logLevel } = require('kafkajs');
  const kafka = new Kafka({
    clientId: 'jobwise-infra-wait',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 3, initialRetryTime: 200 },
  });
  const topic = `jobwise-infra-ready-${process.pid}-${Date.now()}`;
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    if (!(await admin.listTopics()).includes(topic)) throw new Error(`topic ${topic} not listed`);
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'ready', value: 'ready' }] });
    await admin.describeGroups(['jobwise-infra-ready']);
    await admin.deleteTopics({ topics: [topic] });
  } finally {
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function mongoAnswers(url) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    if (reply.ok !== 1) throw new Error(`ping answered ${JSON.stringify(reply)}`);
  } finally {
    await client.close().catch(() => {});
  }
}

async function eventStoreAnswers(url) {
  const { EventStoreDBClient, BACKWARDS, END } = require('@eventstore/db-client');
  const client = EventStoreDBClient.connectionString(url);
  let timer;
  try {
    const read = (async () => {
      const events = [];
      for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) events.push(resolved);
      if (events.length !== 1) throw new Error(`$all read answered ${events.length} events, expected 1`);
    })();
    // Reads carry no gRPC deadline, so a server that accepts but never answers is cut off here.
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000)));
    await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
    await client.dispose().catch(() => {});
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const probes = {
    kafka: () => kafkaAnswers(options.brokers),
    mongo: () => mongoAnswers(options.url),
    eventstore: () => eventStoreAnswers(options.url),
  };
  const probe = probes[options.kind];
  if (!probe) throw new Error(`unknown server kind "${options.kind}" (use kafka, mongo or eventstore)`);

  const deadline = Date.now() + options.timeout * 1000;
  let lastError;
  const lastErrorNote = () => (lastError ? ` (last error: ${lastError.message})` : '');
  while (Date.now() < deadline) {
    if (options.pid && !isAlive(options.pid)) {
      throw new Error(`${options.kind} process ${options.pid} exited${lastErrorNote()}`);
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    await sleep(RETRY_EVERY_MS);
  }
  throw new Error(`${options.kind} did not answer within ${options.timeout}s${lastErrorNote()}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`wait-ready: ${error.message}`);
    process.exit(1);
  },
);
