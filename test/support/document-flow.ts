import { Session, TestApp } from './app';
import { untilFinished } from './generation-flow';

/** Polls until `probe` answers something (not undefined); fails after `timeout_ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeout_ms = 15_000): Promise<T> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs a resume generation to completion (with a cover letter if asked) and returns its id. */
export async function generate(t: TestApp, user: Session, profile_id: string, job_id: string, include_cover_letter = false, timeout_ms = 20_000): Promise<string> {
  const res = await t.http
    .post('/api/v1/generations/resume')
    .set(user.auth)
    .send({ profile_id, job_id, generation_options: { include_cover_letter } });
  if (res.status !== 202) throw new Error(`generation: ${res.status} ${JSON.stringify(res.body)}`);
  const done = await untilFinished(t, user.auth, res.body.id, timeout_ms);
  if (done.status !== 'completed') throw new Error(`generation ${res.body.id} ${done.status}`);
  return res.body.id;
}

/** The documents a generation produced, once the keeper has recorded them (`count` of them). */
export function documentsOf(t: TestApp, user: Session, generation_id: string, count = 1, timeout_ms = 15_000) {
  return eventually(async () => {
    const res = await t.http.get(`/api/v1/documents?generation_id=${generation_id}`).set(user.auth);
    return res.status === 200 && res.body.total === count ? (res.body.items as { id: string; type: string; current_version: number }[]) : undefined;
  }, `${count} document(s) of generation ${generation_id}`, timeout_ms);
}
