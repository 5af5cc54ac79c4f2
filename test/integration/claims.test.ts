import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ABANDONED_AFTER_MS, readClaim, releaseClaim, takeClaim } from '../../src/shared/claims';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { EventStore } from '../../src/event-store/port';

let dir: string;
let store: EventStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jobwise-claims-'));
  store = await openEmbeddedEventStore(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (offset_ms = 0) => ({ correlation_id: 'c', actor: null, now: new Date(Date.now() + offset_ms).toISOString() });
const stream = () => `useremail-${randomUUID()}`;

describe('claims', () => {
  it('given a free value, when two owners race for it, then exactly one wins', async () => {
    const s = stream();
    const results = await Promise.all([randomUUID(), randomUUID(), randomUUID()].map((o) => takeClaim(store, s, o, async () => true, at())));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('given a fresh claim whose holder does not exist yet, then it is not taken over', async () => {
    const s = stream();
    await takeClaim(store, s, randomUUID(), async () => false, at());
    expect(await takeClaim(store, s, randomUUID(), async () => false, at())).toBe(false);
  });

  it('given an old claim whose holder never came to exist, then it can be taken over', async () => {
    const s = stream();
    const newcomer = randomUUID();
    await takeClaim(store, s, randomUUID(), async () => false, at());
    expect(await takeClaim(store, s, newcomer, async () => false, at(ABANDONED_AFTER_MS + 1000))).toBe(true);
    expect((await readClaim(store, s)).owner).toBe(newcomer);
  });

  it('given an old claim whose holder exists, then it stays held', async () => {
    const s = stream();
    await takeClaim(store, s, randomUUID(), async () => true, at());
    expect(await takeClaim(store, s, randomUUID(), async () => true, at(ABANDONED_AFTER_MS + 1000))).toBe(false);
  });

  it('given a released claim, then anyone can take it', async () => {
    const s = stream();
    const first = randomUUID();
    await takeClaim(store, s, first, async () => true, at());
    await releaseClaim(store, s, first, at());
    expect(await takeClaim(store, s, randomUUID(), async () => true, at())).toBe(true);
  });
});
