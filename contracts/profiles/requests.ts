import { z } from 'zod';
import { list, text } from '../shared/primitives';
import { EducationSchema, ExperienceSchema, PersonalInfoSchema, ProjectSchema, SkillsSchema } from './entities';

/** Bodies accepted by the Profile API. */

export const ProfileCreateRequest = z.strictObject({
  personal_info: PersonalInfoSchema,
  professional_summary: text(3000).nullable().default(null),
  experiences: list(ExperienceSchema, 50).default([]),
  education: list(EducationSchema, 20).default([]),
  projects: list(ProjectSchema, 50).default([]),
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
  });
export type ProfileUpdateRequest = z.infer<typeof ProfileUpdateRequest>;

export const ExperienceRequest = ExperienceSchema;
export const EducationRequest = EducationSchema;
export const ProjectRequest = ProjectSchema;
export const SkillsRequest = SkillsSchema;
