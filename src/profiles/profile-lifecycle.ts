import { randomUUID } from 'node:crypto';
import { ProfileCreateRequest } from '../../contracts/profiles/requests';
import { releaseClaim, takeClaim } from '../shared/claims';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { profileAggregate } from './profile-aggregate';

type Acting = CommandContext & { actor: string };

const withIds = <T>(items: T[]) => items.map((item) => ({ ...item, id: randomUUID() }));
const profileClaim = (user_id: string) => streamName('userprofile', user_id);

/**
 * Creating and deleting a profile span two streams: the user's profile claim (one profile per
 * user, atomic in any event store) and the profile itself. Every other profile command is a
 * single request to the command handler.
 */
export async function createProfile(commands: CommandHandler, body: ProfileCreateRequest, context: Acting) {
  const profile_id = randomUUID();
  const isActive = async (holder: string) => (await commands.load(profileAggregate.decider, streamName('profile', holder))).state.status === 'active';
  const claimed = await takeClaim(commands.store, profileClaim(context.actor), profile_id, isActive, context);
  if (!claimed) throw new DomainError('PROFILE.ALREADY_EXISTS', 'You already have a profile; update it instead');
  const result = await commands.handle(
    profileAggregate,
    {
      type: 'CreateProfile',
      profile_id,
      actor: context.actor,
      now: context.now,
      personal_info: body.personal_info,
      professional_summary: body.professional_summary,
      experiences: withIds(body.experiences),
      education: withIds(body.education),
      projects: withIds(body.projects),
      skills: body.skills,
    },
    context,
  );
  return { profile_id, result };
}

export async function deleteProfile(commands: CommandHandler, profile_id: string, context: Acting, expected_version?: number) {
  const request = { type: 'DeleteProfile', profile_id, actor: context.actor, now: context.now } as const;
  const result = await commands.handle(profileAggregate, request, context, { expected_version });
  await releaseClaim(commands.store, profileClaim(context.actor), profile_id, context);
  return result;
}
