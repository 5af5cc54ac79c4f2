import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { openEmbeddedEventStore } from '../../src/event-store/embedded';
import { WrongExpectedRevisionError } from '../../src/event-store/port';

/**
 * kill -9 while appending: every acknowledged append must survive, in order, without gaps.
 * The child runs the adapter compiled on the fly (transpileModule: no type check, ~100 ms).
 */
const STREAMS = 8;
const ACKS_BEFORE_KILL = 600;

interface Ack {
  stream: string;
  revision: number;
  position: string;
  event_ids: string[];
}

let work: string;
let adapter: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jobwise-durability-'));
  adapter = await compileEmbeddedStore(join(work, 'compiled'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

it('given a process appending as fast as it can, when it is killed with SIGKILL (twice), then every acknowledged event is stored', async () => {
  const dir = join(work, 'events');
  const acks: Ack[] = [];
  for (let round = 0; round < 2; round++) {
    acks.push(...(await appendUntilKilled(dir, ACKS_BEFORE_KILL)));
    await expectEveryAckStored(dir, acks);
  }
}, 60_000);

async function expectEveryAckStored(dir: string, acks: Ack[]): Promise<void> {
  const store = await openEmbeddedEventStore(dir);
  try {
    const all = await store.readAll();
    // One total order without gaps: positions are the sequence numbers 1..n.
    expect(all.map((event) => Number(event.position))).toEqual(all.map((_, i) => i + 1));
    for (let s = 0; s < STREAMS; s++) {
      const stream = await store.readStream(`load-${s}`);
      expect(stream.map((event) => event.revision)).toEqual(stream.map((_, i) => i));
    }
    for (const ack of acks) {
      const first = ack.revision - ack.event_ids.length + 1;
      const stored = await store.readStream(ack.stream, { from_revision: first, max_count: ack.event_ids.length });
      expect(stored.map((event) => event.event_id)).toEqual(ack.event_ids);
      expect(stored.at(-1)!.position).toBe(ack.position);
    }

    const [last] = await store.readStream('load-0', { direction: 'backwards', max_count: 1 });
    await expect(store.appendToStream('load-0', [probeEvent()], last!.revision - 1)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    const next = await store.appendToStream('load-0', [probeEvent()], last!.revision);
    expect(next.next_expected_revision).toBe(last!.revision + 1);
    expect(next.position > all.at(-1)!.position).toBe(true);
  } finally {
    await store.close();
  }
}

function appendUntilKilled(dir: string, acks_wanted: number): Promise<Ack[]> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'event-store-appender.js'), adapter, dir, String(STREAMS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop()!; // an unfinished line was not (fully) acknowledged to us
    for (const line of lines) {
      const [, stream, revision, position, ids] = line.split(' ');
      acks.push({ stream: stream!, revision: Number(revision), position: position!, event_ids: ids!.split(',') });
    }
    if (acks.length >= acks_wanted && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    // 'close' comes after the exit (the process is reaped, its lock stale) and after all output.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && acks.length >= acks_wanted) resolve(acks);
      else reject(new Error(`appender ended with ${code ?? signal} after ${acks.length} acks: ${stderr}`));
    });
  });
}

function probeEvent() {
  return {
    event_id: `probe-${Date.now()}`,
    type: 'Probed',
    data: {},
    metadata: { correlation_id: 'c', causation_id: null, actor: null, occurred_at: new Date().toISOString(), schema_version: 1 },
  };
}

/** Transpiles the port, the embedded adapter and the shared errors they import, for a plain node child. */
async function compileEmbeddedStore(outDir: string): Promise<string> {
  const src = join(__dirname, '..', '..', 'src');
  const embedded = (await readdir(join(src, 'event-store', 'embedded'))).filter((file) => file.endsWith('.ts'));
  const files = ['shared/errors.ts', 'event-store/port.ts', ...embedded.map((file) => `event-store/embedded/${file}`)];
  for (const file of files) {
    const { outputText } = ts.transpileModule(await readFile(join(src, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const out = join(outDir, file.replace(/\.ts$/, '.js'));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
  return join(outDir, 'event-store', 'embedded', 'index.js');
}
