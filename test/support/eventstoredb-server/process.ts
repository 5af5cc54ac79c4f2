import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The EventStoreDB test server as its own OS process, for tests that kill and restart it. The
 * data dir and the port stay the same across restarts, so clients reconnect to the same address
 * and find what was acknowledged before the kill.
 */
export interface TestServerProcessOptions {
  /** Extra command-line arguments, e.g. `['--stats-interval-ms', '50']`. */
  args?: string[];
  /** Defaults to a fresh temp dir, removed by `dispose()`. */
  data_dir?: string;
}

const MAIN = join(__dirname, 'main.js');
const START_TIMEOUT_MS = 30_000;

export class TestServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private stderr = '';
  port = 0;

  private constructor(
    readonly data_dir: string,
    private readonly ownsDataDir: boolean,
    private readonly args: string[],
  ) {}

  static async start(options: TestServerProcessOptions = {}): Promise<TestServerProcess> {
    const dir = options.data_dir ?? (await mkdtemp(join(tmpdir(), 'jobwise-esdb-test-server-')));
    const server = new TestServerProcess(dir, options.data_dir === undefined, options.args ?? []);
    await server.restart();
    return server;
  }

  get connection_string(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the process (on the port it had before, if any) and resolves once it listens. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('The EventStoreDB test server is already running');
    this.stderr = '';
    const child = spawn(process.execPath, [MAIN, '--data', this.data_dir, '--port', String(this.port), ...this.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const listening = await new Promise<{ port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The EventStoreDB test server did not start within ${START_TIMEOUT_MS} ms: ${this.stderr}`)), START_TIMEOUT_MS);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The EventStoreDB test server exited (${code ?? signal}) before listening: ${this.stderr}`));
      });
      createInterface({ input: child.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { port: number });
      });
    });
    this.port = listening.port;
  }

  /** SIGKILL: a crash, nothing flushed or closed on the way out. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM: a clean shutdown (calls cancelled, log closed). */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** SIGSTOP: the server keeps its connections open but answers nothing (a hung node). */
  pause(): void {
    if (this.running) this.child!.kill('SIGSTOP');
  }

  /** SIGCONT after `pause()`. */
  resume(): void {
    if (this.running) this.child!.kill('SIGCONT');
  }

  /** Stops the process if it runs and removes the data dir it created. */
  async dispose(): Promise<void> {
    this.resume();
    if (this.running) await this.kill();
    if (this.ownsDataDir) await rm(this.data_dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exited;
  }
}
