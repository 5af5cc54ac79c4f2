import { DocumentsReadModel } from '../../contracts/documents/read-model';
import { GenerationsReadModel } from '../../contracts/generations/read-model';
import { SavedSearchesReadModel } from '../../contracts/job-search/saved-searches';
import { JobsReadModel } from '../../contracts/jobs/read-model';
import { ProfilesReadModel } from '../../contracts/profiles/read-model';
import { Doc, ReadStore } from '../read-store/port';
import { releaseClaim } from '../shared/claims';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { FileStore } from '../storage/port';
import { AccessRevocations } from './access-revocations';
import { AuthService, emailClaimStream } from './accounts';
import { userAggregate } from './user-aggregate';

export interface ErasureDeps {
  commands: CommandHandler;
  auth: AuthService;
  readStore: ReadStore;
  /** Revokes the access tokens of every session; absent, only refresh tokens stop (tests without a read store). */
  revocations?: AccessRevocations;
  /** The user's document files: deleted once their key is gone (already unreadable then). */
  files?: FileStore;
  access_ttl_seconds: number;
}

/**
 * Erases a user for good (right to deletion, ADR 0009). In this order, so that a crash at any
 * point leaves nothing readable that an admin's retry (`DELETE /admin/users/{id}`) cannot finish:
 *  1. release the e-mail claim, so the address can register again (login with it fails from now);
 *  2. record `UserErased` with the ids the user owned: every projection deletes the user's
 *     documents, and the relay publishes `user.erased` without anything personal;
 *  3. destroy the user's keys: every personal field of their events, and every file of theirs,
 *     reads as erased, for good; then delete their files;
 *  4. revoke the access tokens of every session (refresh tokens already fail on the erased user);
 *  5. forget the decrypted states this process cached (user, profiles, jobs, generations, documents, saved searches).
 * Erasing an erased user repeats 3–5 and records nothing.
 */
export async function eraseUser(deps: ErasureDeps, user_id: string, requested_by: 'self' | 'admin', context: CommandContext): Promise<void> {
  const { state } = await deps.commands.load(userAggregate.decider, streamName('user', user_id));
  if (state.status === 'none') throw new DomainError('USER.NOT_FOUND', 'No such user');
  const owned = await ownedIds(deps.readStore, user_id);
  const [generation_ids, document_ids, saved_search_ids] = await Promise.all([GenerationsReadModel, DocumentsReadModel, SavedSearchesReadModel].map((m) => idsOf(deps.readStore, m.collection, user_id)));
  if (state.status === 'registered') await releaseClaim(deps.commands.store, emailClaimStream(state.email), user_id, context);
  await deps.commands.handle(userAggregate, { type: 'EraseUser', user_id, now: context.now, requested_by, ...owned }, context);
  await deps.commands.serializer.keys?.destroySubject(user_id);
  // The serializer's remembered plaintexts go too (they would no longer be read: the keys are gone).
  deps.commands.serializer.forgetOpenedFields();
  await deps.files?.deleteAll({ user_id });
  if (deps.revocations) {
    const until = new Date(Date.parse(context.now) + deps.access_ttl_seconds * 1000);
    for (const session of await deps.auth.sessions(user_id)) await deps.revocations.revokeSession(session.id, until);
  }
  deps.commands.forget([
    streamName('user', user_id),
    ...owned.profile_ids.map((id) => streamName('profile', id)),
    ...owned.job_ids.map((id) => streamName('job', id)),
    ...generation_ids.map((id) => streamName('generation', id)),
    ...document_ids.map((id) => streamName('document', id)),
    ...saved_search_ids.map((id) => streamName('savedsearch', id)),
  ]);
}

/** The profiles and jobs the user owns, from their read models (for `user.erased` consumers). */
async function ownedIds(readStore: ReadStore, user_id: string): Promise<{ profile_ids: string[]; job_ids: string[] }> {
  const [profile_ids, job_ids] = await Promise.all([ProfilesReadModel, JobsReadModel].map((m) => idsOf(readStore, m.collection, user_id)));
  return { profile_ids, job_ids };
}

const idsOf = async (readStore: ReadStore, collection: string, user_id: string) => (await readStore.collection<Doc>(collection).find({ user_id })).map((doc) => doc._id);
