import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { RunningApp, startApp, StartOptions } from '../../src/app-process';
import { loadConfig } from '../../src/config';
import { Clock } from '../../src/shared/clock';
import { Logger, silentLogger } from '../../src/shared/logger';
import { uniqueEmail } from './fixtures';

export interface TestApp {
  app: RunningApp;
  http: ReturnType<typeof request>;
  data_dir: string;
  /** Registers a new user and returns its tokens. */
  register(overrides?: Partial<{ email: string; password: string; full_name: string }>): Promise<Session>;
  stop(): Promise<void>;
}

export interface Session {
  user_id: string;
  email: string;
  password: string;
  access_token: string;
  refresh_token: string;
  auth: { Authorization: string };
}

/**
 * Starts the whole app in-process (api + projector) on the embedded adapters in a fresh data
 * dir, or on whatever real backends `env` names.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  data_dir?: string,
  roles: string[] = ['api', 'projector'],
  options: StartOptions & { logger?: Logger } = {},
): Promise<TestApp> {
  const dir = data_dir ?? mkdtempSync(join(tmpdir(), 'jobwise-test-'));
  const config = loadConfig(
    { DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SCRYPT_N: '1024', JWT_SECRET: 'test-secret-of-sufficient-length', RATE_LIMITS_ENABLED: 'false', ...env },
    roles,
  );
  const app = await startApp(config, options.logger ?? silentLogger(), options);
  const http = request(app.server);
  await untilReady(http);
  return {
    app,
    http,
    data_dir: dir,
    async register(overrides = {}) {
      const body = { email: uniqueEmail(), password: 'correct horse battery', full_name: 'Test User', ...overrides };
      const res = await http.post('/api/v1/auth/register').send(body);
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      return {
        user_id: res.body.user.id,
        email: body.email,
        password: body.password,
        access_token: res.body.access_token,
        refresh_token: res.body.refresh_token,
        auth: { Authorization: `Bearer ${res.body.access_token}` },
      };
    },
    async stop() {
      await app.stop();
      if (!data_dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Two `api` processes and one `projector` sharing the real stores that `env` names (split roles). */
export interface TwoApis {
  projector: TestApp;
  a: TestApp;
  b: TestApp;
  stop(): Promise<void>;
}

export async function startTwoApis(env: Record<string, string>, options: StartOptions = {}): Promise<TwoApis> {
  const projector = await startTestApp(env, undefined, ['projector'], options);
  const a = await startTestApp(env, undefined, ['api'], options);
  const b = await startTestApp(env, undefined, ['api'], options);
  return {
    projector,
    a,
    b,
    async stop() {
      await a.stop();
      await b.stop();
      await projector.stop();
    },
  };
}

/** A test app whose failed-login back-off locks after 3 failures, 10 s doubling to 40 s, on `clock`. */
export function startBackoffTestApp(clock: Clock): Promise<TestApp> {
  return startTestApp({ RATE_LIMITS_ENABLED: 'true', LOGIN_BACKOFF: '{"threshold":3,"base_seconds":10,"max_seconds":40}' }, undefined, undefined, { clock });
}

/** Start-up loads (the catalogue) finish after the listener opens: tests begin once the app says it is ready. */
async function untilReady(http: ReturnType<typeof request>, timeout_ms = 60_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const res = await http.get('/health/ready');
    if (res.status === 200) return;
    if (Date.now() > deadline) throw new Error(`the app was not ready within ${timeout_ms} ms: ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
