import { MongoClient } from 'mongodb';

/**
 * Whether the MongoDB server at `url` renames a collection over another in one step. MongoDB does;
 * the MongoDB-wire test server (mongo-java-server) drops the target first. Told apart by
 * `buildInfo`: MongoDB's names the commit it was built from (`gitVersion`), the test server's
 * answers a version number only.
 */
export async function mongoRenamesAtomically(url: string): Promise<boolean> {
  const client = await MongoClient.connect(url);
  try {
    return 'gitVersion' in (await client.db('admin').command({ buildInfo: 1 }));
  } finally {
    await client.close();
  }
}

/**
 * What a client saw go wrong during a projection rebuild, and which of it the store may excuse.
 *
 * MongoDB renames a collection over another in one step (`renameCollection` with `dropTarget`).
 * The MongoDB-wire test server (mongo-java-server 1.47) drops the target and then renames, so a
 * read in between finds nothing: reads (anything but a write) that fail around the switch (from a second before it began
 * to a second after the rebuild finished) are that server's gap, not ours. Writes must never fail,
 * and reads must not fail at any other time. The embedded store swaps handles and excuses nothing.
 */
export interface ClientFailure {
  what: string;
  at: number;
}

export interface FinishedRebuild {
  switched_at: string;
  switch_ms: number;
  finished_at: string;
}

export function failure(what: string): ClientFailure {
  return { what, at: Date.now() };
}

/** The failures the store cannot excuse, by description. */
export function unexcused(failures: ClientFailure[], finished: FinishedRebuild, atomicRename: boolean): string[] {
  const from = Date.parse(finished.switched_at) - finished.switch_ms - 1_000;
  const to = Date.parse(finished.finished_at) + 1_000;
  const aroundSwitch = ({ what, at }: ClientFailure) => !what.startsWith('write') && at >= from && at <= to;
  return failures.filter((f) => atomicRename || !aroundSwitch(f)).map((f) => f.what);
}
