import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The built app (`dist/src/main.js`) as separate OS processes, one role each, the way
 * docker-compose runs it: every process gets the same backends and secret, its own port.
 */
export const APP_MAIN = join(__dirname, '../../dist/src/main.js');

/** `npm test` builds first; run alone, a suite builds what it starts instead of skipping. */
export function ensureBuilt(): void {
  if (!existsSync(APP_MAIN)) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '../..') });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'jobwise-role-'));
  /** The last lines the process wrote to stderr (its logs at `warn` and above). */
  stderr = '';

  private constructor(
    readonly role: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  /** Waits up to `timeout_ms` for it to start: the catalogue's first load takes a while on a loaded 2-core machine. */
  static async start(role: string, env: Record<string, string>, timeout_ms = 90_000): Promise<AppProcess> {
    const app = new AppProcess(role, await freePort(), env);
    await app.restart(timeout_ms);
    return app;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async restart(timeout_ms = 30_000): Promise<void> {
    const child = spawn(process.execPath, [APP_MAIN, this.role], {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        SCRYPT_N: '1024',
        LOG_LEVEL: 'warn',
        RATE_LIMITS_ENABLED: 'false',
        ...this.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-8_000)));
    const deadline = Date.now() + timeout_ms;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.role} exited during start-up: ${this.stderr}`);
      // Started once it answers and its start-up loads are done (the catalogue is readable). Its
      // projectors may still be replaying a long shared history: tests wait for what they read.
      const started = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2_000) }).then(
        async (response) => response.ok || !((await response.json()) as { waiting_for?: string[] }).waiting_for?.includes('job-catalogue'),
        () => false,
      );
      if (started) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.kill();
    throw new Error(`${this.role} had not started (/health/ready) within ${timeout_ms} ms: ${this.stderr}`);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.running) return;
    this.child!.kill(signal);
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.running) {
      this.child!.kill('SIGTERM');
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), 10_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
