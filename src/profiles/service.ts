import { randomUUID } from 'node:crypto';
import { ProfileCommand } from '../../contracts/profiles/commands';
import { ProfileCreateRequest } from '../../contracts/profiles/requests';
import { EventStore } from '../event-store/port';
import { releaseClaim, takeClaim } from '../shared/claims';
import { CommandContext, CommandResult, handleCommand, loadAggregate } from '../shared/command-handler';
import { DomainError } from '../shared/errors';
import { streamName } from '../shared/streams';
import { profileDecider, ProfileState } from './profile-decider';
import { ProfileEvent } from '../../contracts/profiles/events';

type Result = CommandResult<ProfileState, ProfileEvent>;

const withIds = <T>(items: T[]) => items.map((item) => ({ ...item, id: randomUUID() }));
const profileClaim = (user_id: string) => streamName('userprofile', user_id);

/** Profile commands: the one-profile-per-user rule, then the generic command handler. */
export class ProfileCommands {
  constructor(private readonly store: EventStore) {}

  async create(body: ProfileCreateRequest, context: CommandContext & { actor: string }): Promise<{ profile_id: string; result: Result }> {
    const profile_id = randomUUID();
    const claimed = await takeClaim(this.store, profileClaim(context.actor), profile_id, (holder) => this.isActive(holder), context);
    if (!claimed) throw new DomainError('PROFILE.ALREADY_EXISTS', 'You already have a profile; update it instead');
    const result = await this.execute(
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

  async delete(profile_id: string, context: CommandContext & { actor: string }, expected_version?: number): Promise<Result> {
    const result = await this.execute({ type: 'DeleteProfile', profile_id, actor: context.actor, now: context.now }, context, expected_version);
    await releaseClaim(this.store, profileClaim(context.actor), profile_id, context);
    return result;
  }

  execute(command: ProfileCommand, context: CommandContext, expected_version?: number): Promise<Result> {
    return handleCommand(this.store, profileDecider, streamName('profile', command.profile_id), command, context, { expected_version });
  }

  private async isActive(profile_id: string): Promise<boolean> {
    const { state } = await loadAggregate(this.store, profileDecider, streamName('profile', profile_id));
    return state.status === 'active';
  }
}
