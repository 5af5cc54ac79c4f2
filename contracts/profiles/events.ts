import { z } from 'zod';
import { defineEvent as event } from '../shared/envelope';
import { Uuid } from '../shared/primitives';
import {
  EducationEntitySchema,
  ExperienceEntitySchema,
  RecordedPersonalInfoSchema as PersonalInfoSchema,
  RecordedProjectEntitySchema as ProjectEntitySchema,
  SkillsSchema,
} from './entities';

/**
 * Events of the `profile-<uuid>` stream. Stored names never change. E-mails and URLs are decoded
 * as they were accepted when recorded (the API's own rules for them have since been tightened).
 */


export const ProfileCreated = event(
  'ProfileCreated',
  z.object({
    profile_id: Uuid,
    user_id: Uuid,
    personal_info: PersonalInfoSchema,
    professional_summary: z.string().nullable(),
    experiences: z.array(ExperienceEntitySchema),
    education: z.array(EducationEntitySchema),
    projects: z.array(ProjectEntitySchema),
    skills: SkillsSchema,
  }),
);
export const ProfileUpdated = event(
  'ProfileUpdated',
  z.object({
    personal_info: PersonalInfoSchema.optional(),
    professional_summary: z.string().nullable().optional(),
  }),
);
export const SkillsUpdated = event('SkillsUpdated', z.object({ skills: SkillsSchema }));
export const ExperienceAdded = event('ExperienceAdded', z.object({ experience: ExperienceEntitySchema }));
export const ExperienceUpdated = event('ExperienceUpdated', z.object({ experience: ExperienceEntitySchema }));
export const ExperienceRemoved = event('ExperienceRemoved', z.object({ experience_id: Uuid }));
export const EducationAdded = event('EducationAdded', z.object({ education: EducationEntitySchema }));
export const EducationUpdated = event('EducationUpdated', z.object({ education: EducationEntitySchema }));
export const EducationRemoved = event('EducationRemoved', z.object({ education_id: Uuid }));
export const ProjectAdded = event('ProjectAdded', z.object({ project: ProjectEntitySchema }));
export const ProjectUpdated = event('ProjectUpdated', z.object({ project: ProjectEntitySchema }));
export const ProjectRemoved = event('ProjectRemoved', z.object({ project_id: Uuid }));
export const ProfileDeleted = event('ProfileDeleted', z.object({ profile_id: Uuid, user_id: Uuid }));

export const ProfileEventSchemas = [
  ProfileCreated,
  ProfileUpdated,
  SkillsUpdated,
  ExperienceAdded,
  ExperienceUpdated,
  ExperienceRemoved,
  EducationAdded,
  EducationUpdated,
  EducationRemoved,
  ProjectAdded,
  ProjectUpdated,
  ProjectRemoved,
  ProfileDeleted,
] as const;

export const ProfileEventSchema = z.discriminatedUnion('type', ProfileEventSchemas);
export type ProfileEvent = z.infer<typeof ProfileEventSchema>;
