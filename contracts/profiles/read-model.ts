import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import {
  EducationEntitySchema,
  ExperienceEntitySchema,
  PersonalInfoSchema,
  ProjectEntitySchema,
  SkillsSchema,
} from './entities';

/** What GET /profiles/{id} returns. `version` is the number of events in the profile's stream. */
export const ProfileView = z.object({
  id: Uuid,
  user_id: Uuid,
  version: z.number().int().positive(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  personal_info: PersonalInfoSchema,
  professional_summary: z.string().nullable(),
  experiences: z.array(ExperienceEntitySchema),
  education: z.array(EducationEntitySchema),
  projects: z.array(ProjectEntitySchema),
  skills: SkillsSchema,
});
export type ProfileView = z.infer<typeof ProfileView>;

/** The `profiles_v1` read-model document. */
export const ProfileDocument = ProfileView.extend(ProjectedFields);
export type ProfileDocument = z.infer<typeof ProfileDocument>;
export const ProfilesReadModel = defineReadModel('profiles_v1', ProfileDocument);

const Score = z.number().int().min(0).max(100);

export const ProfileAnalytics = z.object({
  profile_id: Uuid,
  completeness: z.object({
    overall: Score,
    sections: z.object({
      personal_info: Score,
      professional_summary: Score,
      experiences: Score,
      education: Score,
      skills: Score,
      projects: Score,
    }),
  }),
  counts: z.object({
    experiences: z.number().int(),
    education: z.number().int(),
    projects: z.number().int(),
    technical_skills: z.number().int(),
    soft_skills: z.number().int(),
    languages: z.number().int(),
    certifications: z.number().int(),
    achievements: z.number().int(),
  }),
  total_experience_months: z.number().int(),
  recommendations: z.array(
    z.object({
      section: z.string(),
      message: z.string(),
      /** Points the overall score gains when this is done. */
      potential_gain: z.number().int(),
    }),
  ),
});
export type ProfileAnalytics = z.infer<typeof ProfileAnalytics>;

export const ProfileSummary = z.object({
  profile_id: Uuid,
  full_name: z.string(),
  headline: z.string().nullable(),
  professional_summary: z.string().nullable(),
  skills: z.array(z.string()),
  languages: z.array(z.string()),
  certifications: z.array(z.string()),
  total_experience_months: z.number().int(),
  experiences: z.array(
    z.object({
      title: z.string(),
      company: z.string(),
      start_date: z.string(),
      end_date: z.string().nullable(),
      is_current: z.boolean(),
      duration_months: z.number().int(),
      description: z.string().nullable(),
      achievements: z.array(z.string()),
    }),
  ),
  education: z.array(z.object({ degree: z.string(), field_of_study: z.string().nullable(), institution: z.string() })),
  projects: z.array(z.object({ name: z.string(), technologies: z.array(z.string()), description: z.string().nullable() })),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;
