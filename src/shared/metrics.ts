import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics: one registry, served by `GET /metrics` (src/http/metrics.ts).
 *
 * Every metric of JobWise is declared here, so its name, help text and labels are in one place
 * and any module can count into it without knowing about HTTP:
 *
 *     import { rateLimitRejections } from '../shared/metrics';
 *     rateLimitRejections.inc({ class: 'profiles.create' });
 *
 * Labels are low-cardinality by rule: a route label is the declared express route path
 * (`/api/v1/jobs/:id`), never the raw URL; no label ever holds an id, a user or any text a user
 * wrote. Counters only grow for the life of the process (Prometheus computes rates).
 */
export const metricsRegistry = new Registry();

const registers = [metricsRegistry];

/** Requests refused by a rate limit, by limit class (e.g. `profiles.create`, `auth.login`). */
export const rateLimitRejections = new Counter({
  name: 'jobwise_rate_limit_rejections_total',
  help: 'Requests refused by a rate limit (429), by limit class.',
  labelNames: ['class'] as const,
  registers,
});

/** Finished HTTP requests, by method, declared route and status code. */
export const httpRequests = new Counter({
  name: 'jobwise_http_requests_total',
  help: 'HTTP requests answered, by method, declared route path and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  registers,
});

/** HTTP latency from the request's arrival to the response's end. */
export const httpRequestDuration = new Histogram({
  name: 'jobwise_http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method, declared route path and status code.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers,
});

/** Event-store appends (one command's events), by outcome: ok, conflict or error. */
export const eventStoreAppendDuration = new Histogram({
  name: 'jobwise_event_store_append_duration_seconds',
  help: 'Event-store append latency in seconds, by outcome (ok, conflict, error).',
  labelNames: ['outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

/** Messages a bus consumer's handler failed on (each failed attempt). */
export const busConsumeFailures = new Counter({
  name: 'jobwise_bus_consume_failures_total',
  help: 'Failed handler attempts of bus consumers, by topic.',
  labelNames: ['topic'] as const,
  registers,
});

/** Messages given up on and sent to a dead-letter topic. */
export const busDeadLetters = new Counter({
  name: 'jobwise_bus_dead_letters_total',
  help: 'Messages sent to a dead-letter topic after their retries ran out, by topic.',
  labelNames: ['topic'] as const,
  registers,
});

/** One row of lag: how far a projector or the relay is behind the head of the event store. */
export interface LagReading {
  /** The projector's read-model name, or `relay`. */
  name: string;
  /** Events between its checkpoint and the head of the log. */
  events: number;
  /** Age of the oldest event it has not processed yet (0 when caught up). */
  seconds: number;
}

type LagSource = () => Promise<readonly LagReading[]>;
const lagSources = new Map<string, LagSource>();

/**
 * A process that can measure lag registers how (the composition root does, with the event store
 * and the projector/relay status snapshots); the gauges below read it at each scrape. A failing
 * source leaves its rows out of that scrape rather than failing /metrics.
 */
export function registerLagSource(kind: 'projector' | 'relay', source: LagSource): void {
  lagSources.set(kind, source);
}

/** For tests: forget every lag source. */
export function clearLagSources(): void {
  lagSources.clear();
}

async function readLag(kind: string): Promise<readonly LagReading[]> {
  const source = lagSources.get(kind);
  if (!source) return [];
  try {
    return await source();
  } catch {
    return [];
  }
}

function lagGauges(kind: 'projector' | 'relay', label: string) {
  const reading = () => readLag(kind);
  const events = new Gauge({
    name: `jobwise_${kind}_lag_events`,
    help: `Events the ${label} still has to process (head of the event store minus its checkpoint).`,
    labelNames: ['name'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of await reading()) this.set({ name: row.name }, row.events);
    },
  });
  const seconds = new Gauge({
    name: `jobwise_${kind}_lag_seconds`,
    help: `Age in seconds of the oldest event the ${label} has not processed yet (0 when caught up).`,
    labelNames: ['name'] as const,
    registers,
    async collect() {
      this.reset();
      for (const row of await reading()) this.set({ name: row.name }, row.seconds);
    },
  });
  return { events, seconds };
}

export const projectorLag = lagGauges('projector', 'projector');
export const relayLag = lagGauges('relay', 'relay');

let defaultsCollected = false;
/** Node process metrics (CPU, memory, event-loop lag, GC, handles), once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'jobwise_' });
}

/** The exposition text and its content type, for `GET /metrics`. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
