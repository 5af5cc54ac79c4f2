import { loadConfig } from '../../../src/config';

describe('configuration', () => {
  it('defaults to every role on embedded adapters', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8000, data_dir: './data', roles: ['api', 'projector', 'relay'] });
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

  it('takes roles from arguments or JOBWISE_ROLES, and refuses unknown ones', () => {
    expect(loadConfig({}, ['api']).roles).toEqual(['api']);
    expect(loadConfig({ JOBWISE_ROLES: 'projector,relay' }).roles).toEqual(['projector', 'relay']);
    expect(() => loadConfig({}, ['web'])).toThrow(/Unknown role/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL/);
  });
});
