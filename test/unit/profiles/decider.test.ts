import { randomUUID } from 'node:crypto';
import { ProfileCreateRequest } from '../../../contracts/profiles/requests';
import { ProfileEvent } from '../../../contracts/profiles/events';
import { profileDecider } from '../../../src/profiles/profile-decider';
import { given } from '../../support/given';
import { experienceBody, profileBody } from '../../support/fixtures';

const now = '2026-11-24T10:00:00.000Z';
const owner = randomUUID();
const stranger = randomUUID();
const profile_id = randomUUID();
const input = ProfileCreateRequest.parse(profileBody());
const withId = <T>(x: T) => ({ ...x, id: randomUUID() });
const experiences = input.experiences.map(withId);
const education = input.education.map(withId);
const projects = input.projects.map(withId);

const created: ProfileEvent = {
  type: 'ProfileCreated',
  data: { profile_id, user_id: owner, ...input, experiences, education, projects },
};
const deleted: ProfileEvent = { type: 'ProfileDeleted', data: { profile_id, user_id: owner } };
const base = (actor = owner) => ({ profile_id, actor, now });
const newExperience = () => ({ ...(ProfileCreateRequest.shape.experiences.parse([experienceBody()])[0]), id: randomUUID() });

describe('profile decider', () => {
  describe('CreateProfile', () => {
    it('creates a profile owned by the actor', () => {
      given(profileDecider)
        .when({ type: 'CreateProfile', ...base(), ...input, experiences, education, projects })
        .then([created]);
    });

    it('refuses to create the same profile twice', () => {
      given(profileDecider, [created])
        .when({ type: 'CreateProfile', ...base(), ...input, experiences, education, projects })
        .thenFails('PROFILE.ALREADY_EXISTS');
    });
  });

  describe('UpdateProfile', () => {
    it('records changed details and skills as separate facts', () => {
      const skills = { ...input.skills, technical: ['Go'] };
      given(profileDecider, [created])
        .when({ type: 'UpdateProfile', ...base(), professional_summary: 'New summary', skills })
        .then([
          { type: 'ProfileUpdated', data: { personal_info: undefined, professional_summary: 'New summary' } },
          { type: 'SkillsUpdated', data: { skills } },
        ]);
    });

    it("hides another user's profile", () => {
      given(profileDecider, [created]).when({ type: 'UpdateProfile', ...base(stranger), professional_summary: 'x' }).thenFails('PROFILE.NOT_FOUND');
    });

    it('treats a profile that does not exist as not found', () => {
      given(profileDecider).when({ type: 'UpdateProfile', ...base(), professional_summary: 'x' }).thenFails('PROFILE.NOT_FOUND');
    });
  });

  describe('ReplaceSkills', () => {
    it('replaces the skills', () => {
      const skills = { technical: ['Rust'], soft: [], languages: [], certifications: [] };
      given(profileDecider, [created]).when({ type: 'ReplaceSkills', ...base(), skills }).then([{ type: 'SkillsUpdated', data: { skills } }]);
    });
  });

  describe('DeleteProfile', () => {
    it('deletes an owned profile', () => {
      given(profileDecider, [created]).when({ type: 'DeleteProfile', ...base() }).then([deleted]);
    });

    it('treats a deleted profile as not found', () => {
      given(profileDecider, [created, deleted]).when({ type: 'DeleteProfile', ...base() }).thenFails('PROFILE.NOT_FOUND');
      given(profileDecider, [created, deleted]).when({ type: 'AddExperience', ...base(), experience: newExperience() }).thenFails('PROFILE.NOT_FOUND');
    });

    it("refuses to delete another user's profile", () => {
      given(profileDecider, [created]).when({ type: 'DeleteProfile', ...base(stranger) }).thenFails('PROFILE.NOT_FOUND');
    });
  });

  describe.each([
    ['Experience', 'experience', 'experience_id', () => newExperience(), experiences[0]],
    ['Education', 'education', 'education_id', () => ({ ...education[0], id: randomUUID() }), education[0]],
    ['Project', 'project', 'project_id', () => ({ ...projects[0], id: randomUUID() }), projects[0]],
  ] as const)('%s entries', (Kind, field, idField, fresh, existing) => {
    const add = (entry: unknown, actor = owner) => ({ type: `Add${Kind}`, ...base(actor), [field]: entry }) as never;
    const update = (entry: unknown) => ({ type: `Update${Kind}`, ...base(), [field]: entry }) as never;
    const remove = (id: string) => ({ type: `Remove${Kind}`, ...base(), [idField]: id }) as never;

    it('adds an entry', () => {
      const entry = fresh();
      given(profileDecider, [created]).when(add(entry)).then([{ type: `${Kind}Added`, data: { [field]: entry } } as never]);
    });

    it('updates an existing entry', () => {
      const entry = { ...existing, start_date: '2015-01' };
      given(profileDecider, [created]).when(update(entry)).then([{ type: `${Kind}Updated`, data: { [field]: entry } } as never]);
    });

    it('refuses to update an entry that is not in the profile', () => {
      given(profileDecider, [created]).when(update(fresh())).thenFails('PROFILE.ENTRY_NOT_FOUND');
    });

    it('removes an entry, after which it cannot be removed again', () => {
      given(profileDecider, [created]).when(remove(existing.id)).then([{ type: `${Kind}Removed`, data: { [idField]: existing.id } } as never]);
      const removed = { type: `${Kind}Removed`, data: { [idField]: existing.id } } as never;
      given(profileDecider, [created, removed]).when(remove(existing.id)).thenFails('PROFILE.ENTRY_NOT_FOUND');
    });

    it('an added entry can then be updated', () => {
      const entry = fresh();
      const added = { type: `${Kind}Added`, data: { [field]: entry } } as never;
      given(profileDecider, [created, added]).when(update(entry)).then([{ type: `${Kind}Updated`, data: { [field]: entry } } as never]);
    });

    it('refuses to add beyond the per-profile limit', () => {
      const limit = { Experience: 50, Education: 20, Project: 50 }[Kind];
      const full = Array.from({ length: limit }, () => ({ type: `${Kind}Added`, data: { [field]: fresh() } }) as never);
      given(profileDecider, [created, ...full]).when(add(fresh())).thenFails('PROFILE.LIMIT_REACHED');
    });

    it("refuses to add to another user's profile", () => {
      given(profileDecider, [created]).when(add(fresh(), stranger)).thenFails('PROFILE.NOT_FOUND');
    });
  });
});
