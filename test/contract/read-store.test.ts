import { randomUUID } from 'node:crypto';
import { EmbeddedReadStore } from '../../src/read-store/embedded';
import { connectMongoReadStore, MongoReadStore } from '../../src/read-store/mongo';
import { onBackends } from '../support/real-backends';
import { mongoRenamesAtomically } from '../support/rebuild-switch';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('embedded', async () => new EmbeddedReadStore());
describeReadStoreContract('embedded, every collection as columns', async () => new EmbeddedReadStore({ columnar: () => true }));

onBackends(['MONGODB_URL'], 'mongodb read store contract', ([mongoUrl]) => {
  const dbName = `jobwise_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  describeReadStoreContract('mongodb', () => connectMongoReadStore(mongoUrl, dbName), {
    test_timeout_ms: 30_000,
    renames_atomically: () => mongoRenamesAtomically(mongoUrl),
    dispose: async (store) => {
      await (store as MongoReadStore).dropDatabase();
      await store.close();
    },
  });
});
