import { randomBytes, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { TestServerProcess } from './eventstoredb-server/process';

export interface ProcessBackends {
  esdb: TestServerProcess;
  /** The environment every app process of the test shares: its own event store and database, the shared broker. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/**
 * For tests that run the built app as OS processes on real servers: a private EventStoreDB test
 * server, a fresh MongoDB database and the shared Kafka broker (from `npm run infra:up`), a
 * master key and a JWT secret. `dispose` stops the event store and drops the database.
 */
export async function processBackends(name: string, extra: Record<string, string> = {}): Promise<ProcessBackends> {
  const esdb = await TestServerProcess.start();
  const database = `jobwise_${name.replace(/\W/g, '_')}_${randomUUID().slice(0, 8)}`;
  return {
    esdb,
    env: {
      EVENTSTORE_CONNECTION_STRING: esdb.connection_string,
      MONGODB_URL: process.env.MONGODB_URL!,
      MONGODB_DB: database,
      KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
      JWT_SECRET: `${name}-secret-of-sufficient-length`,
      JOBWISE_MASTER_KEY: randomBytes(32).toString('base64'),
      // A killed process's partitions move to the rest of its group after 10 s instead of 30.
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      ...extra,
    },
    async dispose() {
      await esdb.dispose();
      const client = await MongoClient.connect(process.env.MONGODB_URL!);
      await client.db(database).dropDatabase();
      await client.close();
    },
  };
}

/** A JSON client of one app process: `call(method, path, token?, body?)` → status and parsed body. */
export function jsonClient(url: () => string) {
  return async function call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(url() + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };
}
