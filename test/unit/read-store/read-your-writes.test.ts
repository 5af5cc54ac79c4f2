import { CheckpointStore } from '../../../src/read-store/checkpoints';
import { ReadYourWritesWaiter } from '../../../src/read-store/read-your-writes';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';

describe('read-your-writes waiter', () => {
  it('in a process without the projector, waits for the checkpoint the projector stores', async () => {
    const readStore = new EmbeddedReadStore();
    const waiter = new ReadYourWritesWaiter([], readStore);
    let done = false;
    const waiting = waiter.waitFor('profiles_v1', '0000000000000007').then(() => (done = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    await new CheckpointStore(readStore).save('profiles_v1', '0000000000000006');
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    await new CheckpointStore(readStore).save('profiles_v1', '0000000000000009');
    await waiting;
    expect(done).toBe(true);
  });
});
