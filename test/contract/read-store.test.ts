import { randomUUID } from 'node:crypto';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { connectMongoReadStore, MongoReadStore } from '../../src/read-store/mongo';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('embedded', async () => new EmbeddedReadStore());

const mongoUrl = process.env.MONGODB_URL;

if (mongoUrl) {
  const dbName = `jobwise_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  describeReadStoreContract('mongodb', () => connectMongoReadStore(mongoUrl, dbName), {
    test_timeout_ms: 30_000,
    dispose: async (store) => {
      await (store as MongoReadStore).dropDatabase();
      await store.close();
    },
  });
} else if (process.env.CI === 'true') {
  describe('mongodb read store contract', () => {
    it('needs a server', () => {
      throw new Error('MONGODB_URL must be set on CI');
    });
  });
} else {
  describe.skip('mongodb read store contract (set MONGODB_URL=mongodb://host:port to run)', () => {
    it('needs a server', () => undefined);
  });
}
