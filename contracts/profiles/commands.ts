import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import {
  EducationEntitySchema,
  ExperienceEntitySchema,
  PersonalInfoSchema,
  ProjectEntitySchema,
  SkillsSchema,
} from './entities';

/**
 * Commands on a profile. The clock (`now`), generated ids and the acting user travel in the
 * command so that deciding is pure and a retry re-runs the same decision.
 */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), profile_id: Uuid, actor: Uuid, now: IsoTimestamp, ...shape });

export const CreateProfile = command('CreateProfile', {
  personal_info: PersonalInfoSchema,
  professional_summary: z.string().nullable(),
  experiences: z.array(ExperienceEntitySchema),
  education: z.array(EducationEntitySchema),
  projects: z.array(ProjectEntitySchema),
  skills: SkillsSchema,
});
export const UpdateProfile = command('UpdateProfile', {
  personal_info: PersonalInfoSchema.optional(),
  professional_summary: z.string().nullable().optional(),
  skills: SkillsSchema.optional(),
});
export const ReplaceSkills = command('ReplaceSkills', { skills: SkillsSchema });
export const DeleteProfile = command('DeleteProfile', {});
export const AddExperience = command('AddExperience', { experience: ExperienceEntitySchema });
export const UpdateExperience = command('UpdateExperience', { experience: ExperienceEntitySchema });
export const RemoveExperience = command('RemoveExperience', { experience_id: Uuid });
export const AddEducation = command('AddEducation', { education: EducationEntitySchema });
export const UpdateEducation = command('UpdateEducation', { education: EducationEntitySchema });
export const RemoveEducation = command('RemoveEducation', { education_id: Uuid });
export const AddProject = command('AddProject', { project: ProjectEntitySchema });
export const UpdateProject = command('UpdateProject', { project: ProjectEntitySchema });
export const RemoveProject = command('RemoveProject', { project_id: Uuid });

export const ProfileCommandSchema = z.discriminatedUnion('type', [
  CreateProfile,
  UpdateProfile,
  ReplaceSkills,
  DeleteProfile,
  AddExperience,
  UpdateExperience,
  RemoveExperience,
  AddEducation,
  UpdateEducation,
  RemoveEducation,
  AddProject,
  UpdateProject,
  RemoveProject,
]);
export type ProfileCommand = z.infer<typeof ProfileCommandSchema>;
