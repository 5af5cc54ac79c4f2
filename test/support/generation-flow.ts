import { Session, TestApp } from './app';
import { profileBody } from './fixtures';
import { jobBody } from './job-fixtures';

/** Every role, so that the relay feeds the process manager. */
export const ALL_ROLES = ['api', 'projector', 'relay', 'process-manager'];

export interface Prepared {
  user: Session;
  profile_id: string;
  job_id: string;
}

/** A user with a full profile and a saved job (the fixtures': a backend engineer and a platform job). */
export async function userWithProfileAndJob(t: TestApp): Promise<Prepared> {
  const user = await t.register();
  const profile = await t.http.post('/api/v1/profiles').set(user.auth).send(profileBody());
  if (profile.status !== 201) throw new Error(`profile: ${profile.status} ${JSON.stringify(profile.body)}`);
  const job = await t.http.post('/api/v1/jobs').set(user.auth).send(jobBody({ status: 'active' }));
  if (job.status !== 201) throw new Error(`job: ${job.status} ${JSON.stringify(job.body)}`);
  return { user, profile_id: profile.body.id, job_id: job.body.id };
}

/** Polls GET /generations/{id} until the generation has ended; returns the last view. */
export async function untilFinished(t: TestApp, auth: Record<string, string>, id: string, timeout_ms = 20_000) {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const res = await t.http.get(`/api/v1/generations/${id}`).set(auth);
    if (res.status === 200 && ['completed', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`generation ${id} did not finish: ${res.status} ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
