import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSnapshotFile, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotHeader, writeSnapshotFile } from '../../../src/read-store/persistent/snapshot-file';
import { Doc } from '../../../src/read-store/port';

/** The snapshot file read back in chunks: what was written comes back, anything altered or cut is refused. */
let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jobwise-snapshot-file-'));
  path = join(dir, 'snapshot.ndjson');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, created_at: '2026-01-01T00:00:00.000Z', head: '0000000000000009', first_event_id: 'e1', projections: { p: 'c' } };

async function* entries(docs: [string, Doc][]): AsyncIterable<[string, Doc]> {
  yield* docs;
}

async function read(): Promise<{ header: SnapshotHeader | null; docs: [string, Doc][]; count: number }> {
  let seen: SnapshotHeader | null = null;
  const docs: [string, Doc][] = [];
  const count = await readSnapshotFile(path, (h) => (seen = h), (collection, doc) => docs.push([collection, doc]));
  return { header: seen, docs, count };
}

describe('snapshot file', () => {
  it('given documents larger and more numerous than a read chunk, when read back, then every one comes back in order with the header', async () => {
    const docs: [string, Doc][] = [
      // 10 MB: a line over three read chunks.
      ['c', { _id: 'big', text: 'ü'.repeat(5 * 1024 * 1024) }],
      ...Array.from({ length: 20_000 }, (_, i): [string, Doc] => [i % 2 ? 'c' : 'd', { _id: `doc-${i}`, n: i, note: 'line\nbreak ✓' }]),
    ];
    await writeSnapshotFile(path, header, entries(docs));

    const back = await read();

    expect(back.header).toEqual(header);
    expect(back.count).toBe(docs.length);
    expect(back.docs).toEqual(docs);
  });

  it('given one character of a document changed (still valid JSON), then the checksum refuses the file', async () => {
    await writeSnapshotFile(path, header, entries([['c', { _id: 'a', name: 'Ada' }], ['c', { _id: 'b', name: 'Bob' }]]));
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"Bob"', '"Rob"'));

    await expect(read()).rejects.toThrow(/checksum mismatch/);
  });

  it('given the file cut at a line boundary or mid-line, then it is refused as cut short', async () => {
    await writeSnapshotFile(path, header, entries([['c', { _id: 'a' }], ['c', { _id: 'b' }]]));
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');

    await writeFile(path, `${lines.slice(0, 3).join('\n')}\n`);
    await expect(read()).rejects.toThrow(/cut short/);
    await writeFile(path, text.slice(0, text.length - 10));
    await expect(read()).rejects.toThrow(/not JSON|cut short/);
  });

  it('given a line after the trailer, then it is refused', async () => {
    await writeSnapshotFile(path, header, entries([['c', { _id: 'a' }]]));
    await writeFile(path, `${await readFile(path, 'utf8')}["c",{"_id":"x"}]\n`);

    await expect(read()).rejects.toThrow(/after the trailer/);
  });
});
