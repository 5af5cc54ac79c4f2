import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startApp } from '../../src/app-process';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/shared/logger';
import { JsonClient, percentile, runLoad } from './http-client';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

const profile = {
  personal_info: { full_name: 'Bench Person', email: 'bench@example.com', location: 'Berlin, Germany' },
  professional_summary: 'Backend engineer building event-driven systems in TypeScript.',
  experiences: [
    {
      title: 'Senior Backend Engineer',
      company: 'Northwind Logistics',
      start_date: '2021-03',
      is_current: true,
      description: 'Event-driven services in TypeScript on Kafka and PostgreSQL, deployed on Kubernetes.',
      achievements: ['Cut p99 latency of the tracking API from 900 ms to 120 ms', 'Moved 40 services to Kubernetes'],
    },
    { title: 'Software Engineer', company: 'Contoso Payments', start_date: '2016-10', end_date: '2021-02', achievements: ['Built the ledger reconciliation service in Go'] },
  ],
  education: [{ institution: 'Technical University of Munich', degree: 'M.Sc.', field_of_study: 'Computer Science' }],
  skills: { technical: ['TypeScript', 'Node.js', 'Kafka', 'PostgreSQL', 'Kubernetes', 'Go', 'AWS'], soft: ['Mentoring'] },
};
const job = {
  title: 'Senior Platform Engineer',
  company: 'Quillmark Analytics',
  description: 'The platform team runs the Kubernetes clusters, the CI/CD pipelines and the observability stack.',
  requirements: ['6+ years operating production infrastructure', 'Kubernetes and Terraform on AWS', 'Go or Python', 'Nice to have: Prometheus and Grafana'],
  status: 'active',
};

async function appWith(dir: string, scale: string) {
  const config = loadConfig(
    { DATA_DIR: join(dir, `generations-${scale}`), PORT: '0', HOST: '127.0.0.1', SCRYPT_N: '1024', JWT_SECRET: 'bench-secret', RATE_LIMITS_ENABLED: 'false', GENERATION_STAGE_DURATION_SCALE: scale },
    ['api', 'projector', 'relay', 'process-manager'],
  );
  const app = await startApp(config, silentLogger());
  const client = new JsonClient(app.port);
  const reg = await client.request('POST', '/api/v1/auth/register', { email: `bench.${randomUUID()}@example.com`, password: 'bench password', full_name: 'Bench' });
  const auth = { authorization: `Bearer ${reg.body.access_token}` };
  const profile_id = (await client.request('POST', '/api/v1/profiles', profile, auth)).body.id as string;
  const job_id = (await client.request('POST', '/api/v1/jobs', job, auth)).body.id as string;
  return { app, client, auth, profile_id, job_id };
}

/** Resolves with the ms from the request until GET shows the generation completed. */
async function generate(client: JsonClient, auth: Record<string, string>, profile_id: string, job_id: string, poll_ms: number): Promise<number> {
  const started = performance.now();
  const asked = await client.request('POST', '/api/v1/generations/resume', { profile_id, job_id, generation_options: { include_cover_letter: true } }, auth);
  if (asked.status !== 202) throw new Error(`POST /generations/resume: ${asked.status}`);
  for (;;) {
    const view = await client.request('GET', `/api/v1/generations/${asked.body.id}`, undefined, auth);
    if (view.body.status === 'completed') return performance.now() - started;
    if (view.body.status !== 'pending' && view.body.status !== 'running') throw new Error(`generation ${view.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, poll_ms));
  }
}

/**
 * Generations end to end through HTTP, the relay, the in-process bus and the process manager:
 * per second at scale 0 (no simulated delay), and the wall time of one at scale 1 beside the
 * 5.5 s its stages add up to.
 */
export async function generationFigures(dir: string, count: number, concurrency: number): Promise<void> {
  const fast = await appWith(dir, '0');
  const load = await runLoad(count, concurrency, () => generate(fast.client, fast.auth, fast.profile_id, fast.job_id, 5).then(() => undefined));
  console.log(
    `generations end to end, scale 0 (${concurrency} concurrent, resume + cover letter): ${fmt(load.per_second)} generations/s  p50 ${fmt(percentile(load.latencies_ms, 50))} ms  p99 ${fmt(percentile(load.latencies_ms, 99))} ms`,
  );
  fast.client.close();
  await fast.app.stop();

  const real = await appWith(dir, '1');
  const wall = await generate(real.client, real.auth, real.profile_id, real.job_id, 20);
  console.log(`one generation at scale 1:                 ${fmt(wall)} ms wall time (the stages add up to 5,500 ms)`);
  real.client.close();
  await real.app.stop();
}
