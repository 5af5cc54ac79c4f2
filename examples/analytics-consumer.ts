/**
 * An example analytics consumer of JobWise's integration topics: a standalone program with its
 * own consumer group that keeps running aggregates and prints them. Run it with
 *
 *     npm run build && KAFKA_BROKERS=127.0.0.1:9092 node dist/examples/analytics-consumer.js
 *
 * What it relies on is what contracts/asyncapi.yaml promises: at least once delivery (so it
 * deduplicates by event_id), order within a key only (a generation's `requested` comes before
 * its `completed`, both keyed `generation-<id>`), and schema_version on every message (it
 * reads the versions it knows and skips the rest). It needs no personal data and gets none.
 */
import { Kafka, logLevel } from 'kafkajs';
import { IntegrationEvent, IntegrationTopics } from '../contracts/integration';

export interface Aggregates {
  /** generation.requested per UTC day of occurred_at. */
  generations_per_day: Record<string, number>;
  /**
   * Mean ATS score (0..1) of completed generations by the template asked for, known from the
   * generation's generation.requested (`unknown` for one published before it carried it).
   */
  mean_ats_score_by_template: Record<string, { mean: number; count: number }>;
  /** Skills most often required or preferred across the analysed jobs still listed, most demanded first. */
  most_demanded_skills: { skill: string; jobs: number }[];
  /** document.viewed (a share link opened) per UTC day. */
  share_views_per_day: Record<string, number>;
}

/** The running state; `apply` is idempotent per event_id. */
export class AnalyticsState {
  private readonly seen = new Set<string>();
  private readonly generationsPerDay = new Map<string, number>();
  private readonly templateOf = new Map<string, string>();
  private readonly scores = new Map<string, { sum: number; count: number }>();
  private readonly jobSkills = new Map<string, Set<string>>();
  private readonly viewsPerDay = new Map<string, number>();

  /** Applies one message value; false when it was a duplicate or of no interest. */
  apply(value: unknown): boolean {
    const parsed = IntegrationEvent.safeParse(value);
    if (!parsed.success) return false; // a type or schema_version this consumer does not know yet
    const event = parsed.data;
    if (this.seen.has(event.event_id)) return false;
    this.seen.add(event.event_id);
    const day = event.occurred_at.slice(0, 10);
    switch (event.event_type) {
      case 'generation.requested':
        increment(this.generationsPerDay, day);
        this.templateOf.set(event.data.generation_id, event.data.template ?? 'unknown');
        return true;
      case 'generation.completed': {
        if (event.data.ats_score === null) return true;
        const template = this.templateOf.get(event.data.generation_id) ?? 'unknown';
        const score = this.scores.get(template) ?? { sum: 0, count: 0 };
        this.scores.set(template, { sum: score.sum + event.data.ats_score, count: score.count + 1 });
        return true;
      }
      case 'job.analyzed':
        // A re-analysis replaces the job's skills: a job counts once per skill.
        this.jobSkills.set(event.data.job_id, new Set([...event.data.required_skills, ...event.data.preferred_skills].map((s) => s.toLowerCase())));
        return true;
      case 'job.deleted':
        this.jobSkills.delete(event.data.job_id);
        return true;
      case 'document.viewed':
        increment(this.viewsPerDay, day);
        return true;
      default:
        return false;
    }
  }

  aggregates(top = 10): Aggregates {
    const demand = new Map<string, number>();
    for (const skills of this.jobSkills.values()) for (const skill of skills) increment(demand, skill);
    return {
      generations_per_day: Object.fromEntries([...this.generationsPerDay].sort()),
      mean_ats_score_by_template: Object.fromEntries(
        [...this.scores].sort().map(([template, { sum, count }]) => [template, { mean: Math.round((sum / count) * 1000) / 1000, count }]),
      ),
      most_demanded_skills: [...demand]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
        .slice(0, top)
        .map(([skill, jobs]) => ({ skill, jobs })),
      share_views_per_day: Object.fromEntries([...this.viewsPerDay].sort()),
    };
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export interface ConsumerOptions {
  brokers: string[];
  group_id: string;
  /** The topics to read; the published ones by default (a test may point at its own). */
  topics?: string[];
}

export const DEFAULT_TOPICS = [IntegrationTopics.generations, IntegrationTopics.jobs, IntegrationTopics.documents];

/** Subscribes from the beginning (a new group replays the retained history) and keeps `state` up to date. */
export async function startAnalyticsConsumer(options: ConsumerOptions, state = new AnalyticsState()) {
  const kafka = new Kafka({ clientId: 'jobwise-analytics-example', brokers: options.brokers, logLevel: logLevel.WARN });
  const consumer = kafka.consumer({ groupId: options.group_id });
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics ?? DEFAULT_TOPICS, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      // A value that is not JSON is skipped: retrying would not make it readable.
      try {
        state.apply(JSON.parse(message.value?.toString('utf8') ?? 'null'));
      } catch {
        return;
      }
    },
  });
  return { state, stop: () => consumer.disconnect() };
}

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
  const running = await startAnalyticsConsumer({ brokers, group_id: process.env.ANALYTICS_GROUP ?? 'jobwise-analytics-example' });
  const print = () => process.stdout.write(`${JSON.stringify(running.state.aggregates(), null, 2)}\n`);
  const timer = setInterval(print, Number(process.env.ANALYTICS_PRINT_MS ?? 10_000));
  const stop = () => {
    clearInterval(timer);
    print();
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) void main();
