import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { TOKENS } from '../../src/container-tokens';
import { EventStore } from '../../src/event-store/port';
import { CommandHandler } from '../../src/shared/command-handler';
import { createLogger, Logger } from '../../src/shared/logger';
import { Session, TestApp } from './app';
import { experienceBody, profileBody } from './fixtures';
import { jobBody } from './job-fixtures';

/** A logger at the most verbose level whose every line is kept, to search the logs of a whole run. */
export function capturedLogs(): { logger: Logger; text(): string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'trace', destination }), text: () => lines.join('') };
}

/** Personal values that appear nowhere else, so finding one anywhere is a leak. */
export function distinctiveSecrets() {
  const tag = randomUUID().slice(0, 8);
  return {
    account_name: `Zephyrine Quillfeather ${tag}`,
    account_email: `zephyrine.${tag}@example.org`,
    profile_name: `Zephyrine Q. Nightingale ${tag}`,
    profile_email: `zq.${tag}@example.net`,
    phone: '+44 20 7946 0123',
    summary: `Engineer who orchestrates moonlit sonatas ${tag}`,
    employer: `Nocturne Freightworks ${tag}`,
    job_title: `Chief Lantern Officer ${tag}`,
    job_company: `Quillfeather Lanterns ${tag}`,
  };
}
export type Secrets = ReturnType<typeof distinctiveSecrets>;

/** The values of `secrets` found in `text` (an empty list when nothing leaked). */
export const leaked = (text: string, secrets: Secrets): string[] => Object.values(secrets).filter((secret) => text.includes(secret));

export interface ErasedUser {
  session: Session;
  profile_id: string;
  job_id: string;
}

/** A user who fills a profile (with an experience) and saves a job, all with `secrets` in them. */
export async function userWithPersonalData(t: TestApp, secrets: Secrets): Promise<ErasedUser> {
  const session = await t.register({ email: secrets.account_email, full_name: secrets.account_name });
  const profile = await t.http
    .post('/api/v1/profiles')
    .set(session.auth)
    .send(
      profileBody({
        personal_info: { ...profileBody().personal_info, full_name: secrets.profile_name, email: secrets.profile_email, phone: secrets.phone },
        professional_summary: secrets.summary,
      }),
    );
  expect(profile.status).toBe(201);
  const experience = await t.http
    .post(`/api/v1/profiles/${profile.body.id}/experiences`)
    .set(session.auth)
    .send(experienceBody({ company: secrets.employer }));
  expect([201, 202]).toContain(experience.status);
  const job = await t.http.post('/api/v1/jobs').set(session.auth).send(jobBody({ title: secrets.job_title, company: secrets.job_company }));
  expect(job.status).toBe(201);
  return { session, profile_id: profile.body.id, job_id: job.body.id };
}

/** Polls until `check` holds (the projector applies UserErased asynchronously). */
export async function eventually(check: () => Promise<boolean>, what: string, timeout_ms = 10_000): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every event of the stream, decoded as the app would (erased fields read as the marker). */
export async function decodedStream(t: TestApp, stream_id: string) {
  const store = t.app.container.get<EventStore>(TOKENS.EventStore);
  const commands = t.app.container.get<CommandHandler>(TOKENS.CommandHandler);
  return Promise.all((await store.readStream(stream_id)).map((event) => commands.serializer.deserialize(event)));
}
