import { randomUUID } from 'node:crypto';
import { ProfileCreateRequest } from '../../../contracts/profiles/requests';
import { profilesProjection } from '../../../projections/profiles';
import { DomainEnvelope } from '../../../contracts/events';
import { experienceBody, profileBody } from '../../support/fixtures';
import { envelope as envelopeOf } from '../../support/envelopes';

const profile_id = randomUUID();
const user_id = randomUUID();
const stream_id = `profile-${profile_id}`;
let revision = 0;

const envelope = (type: string, data: unknown, occurred_at = '2026-11-24T10:00:00.000Z') => envelopeOf({ type, data }, { stream_id, revision: revision++, occurred_at, actor: user_id });

function play(events: DomainEnvelope[]) {
  return events.reduce(
    (doc, e) => profilesProjection.evolve(doc, e),
    null as ReturnType<typeof profilesProjection.evolve>,
  );
}

describe('profiles_v1 projection', () => {
  const input = ProfileCreateRequest.parse(profileBody({ experiences: [] }));
  const experience = { ...ProfileCreateRequest.shape.experiences.parse([experienceBody()])[0], id: randomUUID() };

  beforeEach(() => {
    revision = 0;
  });

  it('builds the document from creation and tracks version and timestamps', () => {
    const doc = play([
      envelope('ProfileCreated', { profile_id, user_id, ...input }, '2026-01-01T00:00:00.000Z'),
      envelope('ExperienceAdded', { experience }, '2026-02-01T00:00:00.000Z'),
    ]);
    expect(doc).toMatchObject({ id: profile_id, user_id, version: 2, created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' });
    expect(doc!.experiences).toEqual([experience]);
  });

  it('replaces and removes entries by id', () => {
    const changed = { ...experience, title: 'Principal Engineer' };
    const updated = play([
      envelope('ProfileCreated', { profile_id, user_id, ...input }),
      envelope('ExperienceAdded', { experience }),
      envelope('ExperienceUpdated', { experience: changed }),
    ]);
    expect(updated!.experiences).toEqual([changed]);
    revision = 0;
    const removed = play([
      envelope('ProfileCreated', { profile_id, user_id, ...input }),
      envelope('ExperienceAdded', { experience }),
      envelope('ExperienceRemoved', { experience_id: experience.id }),
    ]);
    expect(removed!.experiences).toEqual([]);
  });

  it('keeps untouched fields on a partial update', () => {
    const doc = play([envelope('ProfileCreated', { profile_id, user_id, ...input }), envelope('ProfileUpdated', { professional_summary: null })]);
    expect(doc!.professional_summary).toBeNull();
    expect(doc!.personal_info).toEqual(input.personal_info);
  });

  it('deletes the document on ProfileDeleted', () => {
    expect(play([envelope('ProfileCreated', { profile_id, user_id, ...input }), envelope('ProfileDeleted', { profile_id, user_id })])).toBeNull();
  });
});
