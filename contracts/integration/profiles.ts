import { z } from 'zod';
import { PartialDate, Uuid } from '../shared/primitives';
import { defineIntegrationEvent as integrationEvent } from './envelope';

/**
 * Topic `jobwise.profiles.v1`, key `profile-<profile id>`. Ids, dates, counts and skill
 * tokens only: no names, contact details, locations, titles, companies, institutions,
 * summaries, descriptions or achievements.
 */
const SkillToken = z.string().min(1).max(100);
const DateOrNull = PartialDate.nullable();

export const ProfileCreatedV1 = integrationEvent(
  'profile.created',
  1,
  z.strictObject({
    profile_id: Uuid,
    user_id: Uuid,
    counts: z.strictObject({
      experiences: z.number().int().nonnegative(),
      education: z.number().int().nonnegative(),
      projects: z.number().int().nonnegative(),
    }),
    skills: z.strictObject({ technical: z.array(SkillToken) }),
    has_summary: z.boolean(),
  }),
);
/** `changed` names the top-level fields the update replaced (`personal_info`, `professional_summary`). */
export const ProfileUpdatedV1 = integrationEvent(
  'profile.updated',
  1,
  z.strictObject({ profile_id: Uuid, changed: z.array(z.enum(['personal_info', 'professional_summary'])) }),
);
export const ProfileSkillsUpdatedV1 = integrationEvent(
  'profile.skills_updated',
  1,
  z.strictObject({
    profile_id: Uuid,
    technical: z.array(SkillToken),
    soft_count: z.number().int().nonnegative(),
    languages_count: z.number().int().nonnegative(),
    certifications_count: z.number().int().nonnegative(),
  }),
);

const experience = z.strictObject({
  profile_id: Uuid,
  experience_id: Uuid,
  is_current: z.boolean(),
  start_date: PartialDate,
  end_date: DateOrNull,
});
export const ProfileExperienceAddedV1 = integrationEvent('profile.experience_added', 1, experience);
export const ProfileExperienceUpdatedV1 = integrationEvent('profile.experience_updated', 1, experience);
export const ProfileExperienceRemovedV1 = integrationEvent(
  'profile.experience_removed',
  1,
  z.strictObject({ profile_id: Uuid, experience_id: Uuid }),
);

const education = z.strictObject({ profile_id: Uuid, education_id: Uuid, start_date: DateOrNull, end_date: DateOrNull });
export const ProfileEducationAddedV1 = integrationEvent('profile.education_added', 1, education);
export const ProfileEducationUpdatedV1 = integrationEvent('profile.education_updated', 1, education);
export const ProfileEducationRemovedV1 = integrationEvent(
  'profile.education_removed',
  1,
  z.strictObject({ profile_id: Uuid, education_id: Uuid }),
);

const project = z.strictObject({
  profile_id: Uuid,
  project_id: Uuid,
  technologies: z.array(SkillToken),
  start_date: DateOrNull,
  end_date: DateOrNull,
});
export const ProfileProjectAddedV1 = integrationEvent('profile.project_added', 1, project);
export const ProfileProjectUpdatedV1 = integrationEvent('profile.project_updated', 1, project);
export const ProfileProjectRemovedV1 = integrationEvent(
  'profile.project_removed',
  1,
  z.strictObject({ profile_id: Uuid, project_id: Uuid }),
);

export const ProfileDeletedV1 = integrationEvent('profile.deleted', 1, z.strictObject({ profile_id: Uuid, user_id: Uuid }));

export const ProfileIntegrationEventSchemas = [
  ProfileCreatedV1,
  ProfileUpdatedV1,
  ProfileSkillsUpdatedV1,
  ProfileExperienceAddedV1,
  ProfileExperienceUpdatedV1,
  ProfileExperienceRemovedV1,
  ProfileEducationAddedV1,
  ProfileEducationUpdatedV1,
  ProfileEducationRemovedV1,
  ProfileProjectAddedV1,
  ProfileProjectUpdatedV1,
  ProfileProjectRemovedV1,
  ProfileDeletedV1,
] as const;
export const ProfileIntegrationEvent = z.discriminatedUnion('event_type', ProfileIntegrationEventSchemas);
export type ProfileIntegrationEvent = z.infer<typeof ProfileIntegrationEvent>;
