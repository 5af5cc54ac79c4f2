import { z } from 'zod';
import { list, text } from '../shared/primitives';

/** Most entries a profile holds, on creation and when adding one by one. */
export const ENTRY_LIMITS = { experiences: 50, education: 20, projects: 50 } as const;
import { EducationSchema, ExperienceSchema, PersonalInfoSchema, ProjectSchema, SkillsSchema } from './entities';

/** Bodies accepted by the Profile API. */

export const ProfileCreateRequest = z.strictObject({
  personal_info: PersonalInfoSchema,
  professional_summary: text(3000).nullable().default(null),
  experiences: list(ExperienceSchema, ENTRY_LIMITS.experiences).default([]),
  education: list(EducationSchema, ENTRY_LIMITS.education).default([]),
  projects: list(ProjectSchema, ENTRY_LIMITS.projects).default([]),
  skills: SkillsSchema.default({ technical: [], soft: [], languages: [], certifications: [] }),
});
export type ProfileCreateRequest = z.infer<typeof ProfileCreateRequest>;

/** PUT /profiles/{id}: replaces the given top-level parts; lists are edited through their own routes. */
export const ProfileUpdateRequest = z
  .strictObject({
    personal_info: PersonalInfoSchema.optional(),
    professional_summary: text(3000).nullable().optional(),
    skills: SkillsSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'must contain at least one of personal_info, professional_summary, skills',
  })
  .meta({ minProperties: 1 });
export type ProfileUpdateRequest = z.infer<typeof ProfileUpdateRequest>;

export const ExperienceRequest = ExperienceSchema;
export const EducationRequest = EducationSchema;
export const ProjectRequest = ProjectSchema;
export const SkillsRequest = SkillsSchema;
