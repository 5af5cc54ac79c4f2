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

  it('takes roles from arguments or JOBWISE_ROLES, and refuses unknown ones', () => {
    expect(loadConfig({}, ['api']).roles).toEqual(['api']);
    expect(loadConfig({ JOBWISE_ROLES: 'projector,relay' }).roles).toEqual(['projector', 'relay']);
    expect(() => loadConfig({}, ['web'])).toThrow(/Unknown role/);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(/PORT.*LOG_LEVEL/);
  });
});
