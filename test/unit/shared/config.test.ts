import { loadConfig } from '../../../src/config';

describe('configuration', () => {
  it('defaults to every role on embedded adapters', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8000, data_dir: './data', roles: ['api', 'projector', 'relay', 'process-manager', 'notifier'] });
    expect(config.eventstore_url ?? config.mongodb ?? config.kafka).toBeUndefined();
  });

  it('selects real adapters by their URLs', () => {
    const config = loadConfig({ MONGODB_URL: 'mongodb://h:1/', MONGODB_DB: 'x', KAFKA_BROKERS: 'a:1, b:2', EVENTSTORE_CONNECTION_STRING: 'esdb://e:2113' });
    expect(config.mongodb).toEqual({ url: 'mongodb://h:1/', db: 'x' });
    expect(config.kafka?.brokers).toEqual(['a:1', 'b:2']);
    expect(config.eventstore_url).toBe('esdb://e:2113');
  });

  it('creates Kafka topics with 3 partitions and replication factor 1 unless told otherwise', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:1' }).kafka).toMatchObject({ topic_partitions: 3, replication_factor: 1 });
    expect(loadConfig({ KAFKA_BROKERS: 'a:1', KAFKA_TOPIC_PARTITIONS: '12', KAFKA_REPLICATION_FACTOR: '3' }).kafka).toMatchObject({
      topic_partitions: 12,
      replication_factor: 3,
    });
    expect(() => loadConfig({ KAFKA_TOPIC_PARTITIONS: '0', KAFKA_REPLICATION_FACTOR: 'two' })).toThrow(/KAFKA_TOPIC_PARTITIONS.*KAFKA_REPLICATION_FACTOR/);
  });

  it("leaves the consumers' session timeout to kafkajs unless told, and refuses one below the broker's minimum", () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:1' }).kafka?.session_timeout_ms).toBeUndefined();
    expect(loadConfig({ KAFKA_BROKERS: 'a:1', KAFKA_SESSION_TIMEOUT_MS: '10000' }).kafka?.session_timeout_ms).toBe(10_000);
    expect(() => loadConfig({ KAFKA_BROKERS: 'a:1', KAFKA_SESSION_TIMEOUT_MS: '500' })).toThrow(/KAFKA_SESSION_TIMEOUT_MS/);
  });

  it('takes roles from arguments or JOBWISE_ROLES, and refuses unknown ones', () => {
    expect(loadConfig({}, ['api']).roles).toEqual(['api']);
    expect(loadConfig({ JOBWISE_ROLES: 'projector,relay' }).roles).toEqual(['projector', 'relay']);
    expect(() => loadConfig({}, ['web'])).toThrow(/Unknown role/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL/);
  });
});

describe('rate-limit configuration', () => {
  it('defaults to the spec table, enabled', () => {
    const { rate_limits } = loadConfig({});
    expect(rate_limits.enabled).toBe(true);
    expect(rate_limits.policies['profiles.create']).toEqual({ limit: 5, window_seconds: 60 });
    expect(rate_limits.policies['generation.resume']).toEqual({ limit: 5, window_seconds: 3600 });
    expect(rate_limits.login_backoff).toEqual({ threshold: 5, base_seconds: 30, max_seconds: 3600 });
    expect(loadConfig({}).token_revocation_cache_ms).toBe(1000);
  });

  it('takes overrides per class and for the login back-off, and can be turned off', () => {
    const config = loadConfig({
      RATE_LIMITS_ENABLED: 'false',
      RATE_LIMITS: '{"jobs.search":{"limit":3,"window_seconds":10}}',
      LOGIN_BACKOFF: '{"threshold":2}',
    });
    expect(config.rate_limits.enabled).toBe(false);
    expect(config.rate_limits.policies['jobs.search']).toEqual({ limit: 3, window_seconds: 10 });
    expect(config.rate_limits.policies['jobs.details']).toEqual({ limit: 100, window_seconds: 60 });
    expect(config.rate_limits.login_backoff).toEqual({ threshold: 2, base_seconds: 30, max_seconds: 3600 });
  });

  it('refuses unknown classes, bad numbers, bad JSON and a bad switch', () => {
    expect(() => loadConfig({ RATE_LIMITS: '{"jobs.nope":{"limit":3,"window_seconds":10}}' })).toThrow(/RATE_LIMITS/);
    expect(() => loadConfig({ RATE_LIMITS: '{"jobs.search":{"limit":0,"window_seconds":10}}' })).toThrow(/RATE_LIMITS/);
    expect(() => loadConfig({ RATE_LIMITS: '{not json' })).toThrow(/RATE_LIMITS.*not valid JSON/);
    expect(() => loadConfig({ LOGIN_BACKOFF: '{"threshold":"five"}' })).toThrow(/LOGIN_BACKOFF/);
    expect(() => loadConfig({ RATE_LIMITS_ENABLED: 'maybe' })).toThrow(/RATE_LIMITS_ENABLED/);
  });
});

describe('HTTP edge configuration', () => {
  it('has no CORS origins, a 30 s request timeout and no metrics token by default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ cors_origins: [], request_timeout_ms: 30_000 });
    expect(config.metrics_token).toBeUndefined();
  });

  it('takes comma-separated CORS origins, a request timeout and a metrics token', () => {
    const config = loadConfig({ CORS_ORIGINS: ' https://app.example.com/, http://localhost:3000 ,', REQUEST_TIMEOUT_MS: '5000', METRICS_TOKEN: 'scrape-me' });
    expect(config).toMatchObject({ cors_origins: ['https://app.example.com', 'http://localhost:3000'], request_timeout_ms: 5000, metrics_token: 'scrape-me' });
  });

  it('refuses a request timeout that is not a sane number of milliseconds', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: 'soon' })).toThrow(/REQUEST_TIMEOUT_MS/);
  });

  it('takes JOBWISE_MASTER_KEY as the base64 of 32 bytes, and refuses anything else', () => {
    const key = Buffer.alloc(32, 7);
    expect(loadConfig({ JOBWISE_MASTER_KEY: key.toString('base64') }).master_key?.equals(key)).toBe(true);
    expect(loadConfig({}).master_key).toBeUndefined();
    expect(() => loadConfig({ JOBWISE_MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/JOBWISE_MASTER_KEY/);
  });
});
