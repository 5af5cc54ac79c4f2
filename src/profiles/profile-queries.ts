import { ProfileDocument, ProfileView } from '../../contracts/profiles/read-model';
import { live, withoutBookkeeping } from '../../contracts/shared/read-model';
import { ProfilesReadModel } from '../../contracts/profiles/read-model';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';

const notFound = () => new DomainError('PROFILE.NOT_FOUND', 'Profile not found');

export function toView(doc: ProfileDocument): ProfileView {
  return withoutBookkeeping(doc);
}

/** Reads of the `profiles_v1` read model, always scoped to the caller. */
export class ProfileQueries {
  constructor(private readonly store: ReadStore) {}

  private get profiles() {
    return this.store.collection<ProfileDocument>(ProfilesReadModel.collection);
  }

  /** Another user's profile is reported as missing. */
  async owned(profile_id: string, user_id: string): Promise<ProfileView> {
    const doc = await this.profiles.get(profile_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return toView(doc);
  }

  async ofUser(user_id: string): Promise<ProfileView> {
    const [doc] = await this.profiles.find(live({ user_id }), { limit: 1 });
    if (!doc) throw new DomainError('PROFILE.NOT_FOUND', 'You have no profile yet; create one with POST /api/v1/profiles');
    return toView(doc);
  }
}
