import { z } from 'zod';
import { LOGIN_BACKOFF_DEFAULTS, RATE_LIMIT_CLASSES, RATE_LIMIT_DEFAULTS, RateLimitClass, RateLimitSettings } from './shared/rate-limit';
import { DEFAULT_TOKEN_LIMITS, TokenLimits } from './llm/token-budget';
import { JobSourceConfig, JobSourcesConfig } from '../contracts/job-sources/source';

/**
 * Configuration comes from the environment. A connection URL that is set selects the real
 * adapter; its absence selects the embedded one, so `npm start` needs no servers.
 */
const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  EVENTSTORE_CONNECTION_STRING: optional,
  MONGODB_URL: optional,
  MONGODB_DB: z.string().default('jobwise'),
  KAFKA_BROKERS: optional,
  KAFKA_CLIENT_ID: z.string().default('jobwise'),
  /** Partitions of each topic the bus creates (the relay's topics and their dead-letter topics). */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(10_000).default(3),
  /** Replication factor of each topic the bus creates; at most the number of brokers. */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(32_767).default(1),
  /**
   * How long the broker waits for a silent consumer before handing its partitions to the rest of
   * its group (kafkajs' 30 s when unset). The broker's group.min/max.session.timeout.ms bound it.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6_000).max(1_800_000).optional(),
  JWT_SECRET: optional,
  /** base64 of 32 bytes: wraps the per-user data keys (ADR 0009); generated into DATA_DIR when unset. */
  JOBWISE_MASTER_KEY: optional.refine((v) => v === undefined || Buffer.from(v, 'base64').length === 32, 'must be the base64 of 32 bytes'),
  /** How long a process keeps a user's data key in memory; bounds how long another process can still decrypt after an erasure. */
  KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  READ_MODEL_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** Comma-separated e-mail addresses whose accounts get the `admin` role (at their next login). */
  ADMIN_EMAILS: optional,
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 24 * 3600),
  /** scrypt cost N (a power of two). Lower it only in tests. */
  SCRYPT_N: z.coerce.number().int().min(1024).default(2 ** 15),
  /** How long a write waits for its read model before answering 202 instead of the new state. */
  READ_YOUR_WRITES_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Comma-separated roles to run in this process; default all of them. */
  JOBWISE_ROLES: optional,
  /** `false` turns every rate limit and the failed-login back-off off. */
  RATE_LIMITS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** JSON overrides per limit class, e.g. `{"profiles.create":{"limit":5,"window_seconds":60}}`. */
  RATE_LIMITS: jsonOf(z.partialRecord(z.enum(RATE_LIMIT_CLASSES as [RateLimitClass, ...RateLimitClass[]]), z.strictObject({
    limit: z.number().int().min(1),
    window_seconds: z.number().int().min(1).max(7 * 24 * 3600),
  }))),
  /** JSON overrides of the failed-login back-off, e.g. `{"threshold":5,"base_seconds":30,"max_seconds":3600}`. */
  LOGIN_BACKOFF: jsonOf(z.strictObject({
    threshold: z.number().int().min(1),
    base_seconds: z.number().int().min(1),
    max_seconds: z.number().int().min(1),
  }).partial()),
  /** How long an api process trusts its cached "this access token is not revoked" answer. */
  TOKEN_REVOCATION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Comma-separated origins allowed by CORS (`*` for any); none by default: no CORS headers at all. */
  CORS_ORIGINS: optional,
  /** A request whose handler runs longer is answered 503 problem details. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** When set, `GET /metrics` requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optional,
  /** Set: OpenAI (or the compatible server at OPENAI_BASE_URL) writes the content; unset: the deterministic writer. */
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL'),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4'),
  /** The model for the rest of a call after a 503 from OPENAI_MODEL. */
  OPENAI_FALLBACK_MODEL: z.string().trim().min(1).default('gpt-3.5-turbo'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(60_000),
  /** The consumer group the process-manager processes share (one group per deployment). */
  PROCESS_MANAGER_GROUP: z.string().trim().min(1).max(200).default('jobwise-process-manager'),
  /** Multiplies each generation stage's simulated duration; 0 runs the stages without waiting. */
  GENERATION_STAGE_DURATION_SCALE: z.coerce.number().min(0).max(1000).default(1),
  TOKEN_BUDGET_PER_GENERATION: z.coerce.number().int().min(1).default(DEFAULT_TOKEN_LIMITS.per_generation),
  TOKEN_BUDGET_PER_USER_DAILY: z.coerce.number().int().min(1).default(DEFAULT_TOKEN_LIMITS.per_user_per_day),
  TOKEN_BUDGET_DAILY: z.coerce.number().int().min(1).default(DEFAULT_TOKEN_LIMITS.overall_per_day),
  /** Days a document is kept after its last version; then it, its files and its share links are removed. */
  DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** The consumer group of the processes that keep completed generations as documents. */
  /** How often an api process looks for documents past their retention. */
  DOCUMENT_RETENTION_SWEEP_MS: z.coerce.number().int().min(50).max(86_400_000).default(60_000),
  DOCUMENT_KEEPER_GROUP: z.string().trim().min(1).max(200).default('jobwise-document-keeper'),
  /** The consumer group of the notifier processes (one per deployment). */
  NOTIFIER_GROUP: z.string().trim().min(1).max(200).default('jobwise-notifier'),
  /** How often a notifier process sends the daily and weekly job-alert digests whose period has ended. */
  JOB_ALERT_DIGEST_SWEEP_MS: z.coerce.number().int().min(50).max(86_400_000).default(60_000),
  /** How often a projector process looks for rebuilds requested through an api process without the projector role (ADR 0012). */
  REBUILD_REQUEST_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1_000),
  /** JSON array of job boards to read jobs from, e.g. `[{"id":"acme","kind":"greenhouse","board":"acme","company":"Acme"}]` (README, "Job boards"). */
  JOB_SOURCES: jsonOf(JobSourcesConfig),
});

/** An optional JSON variable, parsed and then validated by `schema`. */
function jsonOf<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .trim()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema.optional());
}

/** What a process runs: the HTTP API, the projectors, the relay to the bus, the generation pipeline's process manager. */
export const ROLES = ['api', 'projector', 'relay', 'process-manager', 'notifier'] as const;
export type Role = (typeof ROLES)[number];

export interface Config {
  port: number;
  host: string;
  data_dir: string;
  eventstore_url?: string;
  mongodb?: { url: string; db: string };
  kafka?: { brokers: string[]; client_id: string; topic_partitions: number; replication_factor: number; session_timeout_ms?: number };
  jwt_secret?: string;
  /** Wraps the per-user data keys; absent: one is generated once under DATA_DIR. */
  master_key?: Buffer;
  key_cache_ttl_ms: number;
  /** Embedded read store: how often its snapshot is rewritten when something changed (0: only at shutdown). */
  read_model_snapshot_interval_ms: number;
  /** Lower-cased e-mail addresses of the admins. */
  admin_emails: string[];
  access_ttl_seconds: number;
  refresh_ttl_seconds: number;
  scrypt_n: number;
  read_your_writes_timeout_ms: number;
  log_level: string;
  roles: Role[];
  rate_limits: RateLimitSettings;
  token_revocation_cache_ms: number;
  /** Origins allowed by CORS; empty: CORS off. */
  cors_origins: string[];
  request_timeout_ms: number;
  metrics_token?: string;
  generation: GenerationConfig;
  documents: { retention_days: number; retention_sweep_ms: number; keeper_group: string };
  notifier_group: string;
  job_alert_digest_sweep_ms: number;
  rebuild_request_poll_ms: number;
  /** Job boards the api process syncs jobs from (source `api`). */
  job_sources: JobSourceConfig[];
}

export interface GenerationConfig {
  /** Present when OPENAI_API_KEY is set: the content provider is OpenAI's API (or a compatible server). */
  openai?: { api_key: string; base_url: string | null; model: string; fallback_model: string; timeout_ms: number };
  stage_duration_scale: number;
  process_manager_group: string;
  token_limits: TokenLimits;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    data_dir: e.DATA_DIR,
    eventstore_url: e.EVENTSTORE_CONNECTION_STRING,
    mongodb: e.MONGODB_URL ? { url: e.MONGODB_URL, db: e.MONGODB_DB } : undefined,
    kafka: e.KAFKA_BROKERS
      ? {
          brokers: e.KAFKA_BROKERS.split(',').map((b) => b.trim()),
          client_id: e.KAFKA_CLIENT_ID,
          topic_partitions: e.KAFKA_TOPIC_PARTITIONS,
          replication_factor: e.KAFKA_REPLICATION_FACTOR,
          session_timeout_ms: e.KAFKA_SESSION_TIMEOUT_MS,
        }
      : undefined,
    jwt_secret: e.JWT_SECRET,
    master_key: e.JOBWISE_MASTER_KEY ? Buffer.from(e.JOBWISE_MASTER_KEY, 'base64') : undefined,
    key_cache_ttl_ms: e.KEY_CACHE_TTL_MS,
    read_model_snapshot_interval_ms: e.READ_MODEL_SNAPSHOT_INTERVAL_MS,
    admin_emails: (e.ADMIN_EMAILS ?? '').split(',').map((a) => a.trim().toLowerCase()).filter(Boolean),
    access_ttl_seconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refresh_ttl_seconds: e.REFRESH_TOKEN_TTL_SECONDS,
    scrypt_n: e.SCRYPT_N,
    read_your_writes_timeout_ms: e.READ_YOUR_WRITES_TIMEOUT_MS,
    log_level: e.LOG_LEVEL,
    roles: parseRoles(argv.length > 0 ? argv.join(',') : e.JOBWISE_ROLES),
    rate_limits: {
      enabled: e.RATE_LIMITS_ENABLED === 'true',
      policies: { ...RATE_LIMIT_DEFAULTS, ...e.RATE_LIMITS } as RateLimitSettings['policies'],
      login_backoff: { ...LOGIN_BACKOFF_DEFAULTS, ...e.LOGIN_BACKOFF },
    },
    token_revocation_cache_ms: e.TOKEN_REVOCATION_CACHE_MS,
    cors_origins: (e.CORS_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean),
    request_timeout_ms: e.REQUEST_TIMEOUT_MS,
    metrics_token: e.METRICS_TOKEN,
    generation: {
      openai: e.OPENAI_API_KEY
        ? { api_key: e.OPENAI_API_KEY, base_url: e.OPENAI_BASE_URL ?? null, model: e.OPENAI_MODEL, fallback_model: e.OPENAI_FALLBACK_MODEL, timeout_ms: e.OPENAI_TIMEOUT_MS }
        : undefined,
      stage_duration_scale: e.GENERATION_STAGE_DURATION_SCALE,
      process_manager_group: e.PROCESS_MANAGER_GROUP,
      token_limits: {
        ...DEFAULT_TOKEN_LIMITS,
        per_generation: e.TOKEN_BUDGET_PER_GENERATION,
        per_user_per_day: e.TOKEN_BUDGET_PER_USER_DAILY,
        overall_per_day: e.TOKEN_BUDGET_DAILY,
      },
    },
    documents: { retention_days: e.DOCUMENT_RETENTION_DAYS, retention_sweep_ms: e.DOCUMENT_RETENTION_SWEEP_MS, keeper_group: e.DOCUMENT_KEEPER_GROUP },
    notifier_group: e.NOTIFIER_GROUP,
    job_alert_digest_sweep_ms: e.JOB_ALERT_DIGEST_SWEEP_MS,
    rebuild_request_poll_ms: e.REBUILD_REQUEST_POLL_MS,
    job_sources: e.JOB_SOURCES ?? [],
  };
}

function parseRoles(value: string | undefined): Role[] {
  if (!value || value === 'all') return [...ROLES];
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`Unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}, all`);
  return roles as Role[];
}
