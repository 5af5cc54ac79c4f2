import { z } from 'zod';
import { comparePartialDates, Email, HttpUrl, list, PartialDate, RecordedEmail, RecordedHttpUrl, requiredText, text } from '../shared/primitives';

/**
 * The master profile's parts, as clients send them. Server-assigned ids are added by the
 * `...Entity` variants. Every string and list is bounded.
 */

const nullableText = (max: number) => text(max).nullable().default(null);
const nullableDate = PartialDate.nullable().default(null);

/** Personal info with the given e-mail and URL rules (see PersonalInfoSchema, RecordedPersonalInfoSchema). */
const personalInfo = (email: z.ZodType<string>, url: z.ZodType<string>) =>
  z.strictObject({
    full_name: requiredText(200),
    email,
    phone: z
      .string()
      .regex(/^\+?[0-9 ().-]{6,30}$/, 'must be a phone number of digits, spaces, + ( ) . -')
      .trim()
      .nullable()
      .default(null),
    location: nullableText(200),
    linkedin: url.nullable().default(null),
    github: url.nullable().default(null),
    website: url.nullable().default(null),
  });
export const PersonalInfoSchema = personalInfo(Email, HttpUrl);

/**
 * Adds the date-range rules to an object that has start_date / end_date (and maybe is_current).
 * "No end date while current" is stated in the JSON Schema too (`if`/`then`); "end not before
 * start" compares two fields, which JSON Schema cannot express.
 */
function withDateRange<T extends z.ZodObject>(schema: T) {
  const refined = schema.superRefine((value: Record<string, unknown>, ctx) => {
    const start = value.start_date as string | null | undefined;
    const end = value.end_date as string | null | undefined;
    if (value.is_current === true && end) {
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'must be empty when is_current is true' });
    }
    if (start && end && comparePartialDates(end, start) < 0) {
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'must not be before start_date' });
    }
  });
  if (!('is_current' in schema.shape)) return refined;
  return refined.meta({
    if: { properties: { is_current: { const: true } }, required: ['is_current'] },
    then: { properties: { end_date: { type: 'null' } } },
  });
}

const ExperienceFields = z.strictObject({
  title: requiredText(200),
  company: requiredText(200),
  location: nullableText(200),
  start_date: PartialDate,
  end_date: nullableDate,
  is_current: z.boolean().default(false),
  description: nullableText(5000),
  achievements: list(requiredText(1000), 30).default([]),
});
export const ExperienceSchema = withDateRange(ExperienceFields);

const EducationFields = z.strictObject({
  institution: requiredText(200),
  degree: requiredText(200),
  field_of_study: nullableText(200),
  start_date: nullableDate,
  end_date: nullableDate,
  gpa: z.number().min(0, 'must be between 0 and 4.0').max(4, 'must be between 0 and 4.0').nullable().default(null),
  honors: list(requiredText(200), 20).default([]),
});
export const EducationSchema = withDateRange(EducationFields);

const projectFields = (url: z.ZodType<string>) =>
  z.strictObject({
    name: requiredText(200),
    description: nullableText(5000),
    technologies: list(requiredText(100), 50).default([]),
    url: url.nullable().default(null),
    start_date: nullableDate,
    end_date: nullableDate,
  });
const ProjectFields = projectFields(HttpUrl);
export const ProjectSchema = withDateRange(ProjectFields);

export const LanguageSchema = z.strictObject({
  name: requiredText(100),
  proficiency: z.enum(['elementary', 'limited_working', 'professional_working', 'full_professional', 'native']),
});

export const CertificationSchema = z
  .strictObject({
    name: requiredText(200),
    issuer: nullableText(200),
    date_obtained: nullableDate,
    expiry_date: nullableDate,
    credential_id: nullableText(200),
  })
  .superRefine((value, ctx) => {
  if (value.date_obtained && value.expiry_date && comparePartialDates(value.expiry_date, value.date_obtained) < 0) {
    ctx.addIssue({ code: 'custom', path: ['expiry_date'], message: 'must not be before date_obtained' });
  }
});

export const SkillsSchema = z.strictObject({
  technical: list(requiredText(100), 200).default([]),
  soft: list(requiredText(100), 100).default([]),
  languages: list(LanguageSchema, 50).default([]),
  certifications: list(CertificationSchema, 100).default([]),
});

export type PersonalInfo = z.infer<typeof PersonalInfoSchema>;
export type Experience = z.infer<typeof ExperienceSchema>;
export type Education = z.infer<typeof EducationSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Skills = z.infer<typeof SkillsSchema>;

/** Stored entities carry a server-assigned id. */
const withId = { id: z.uuid() };
export const ExperienceEntitySchema = ExperienceFields.extend(withId);
export const EducationEntitySchema = EducationFields.extend(withId);
export const ProjectEntitySchema = ProjectFields.extend(withId);

/** Decode recorded events: e-mails and URLs as accepted when they were recorded (see RecordedHttpUrl). */
export const RecordedPersonalInfoSchema = personalInfo(RecordedEmail, RecordedHttpUrl);
export const RecordedProjectEntitySchema = projectFields(RecordedHttpUrl).extend(withId);
export type ExperienceEntity = z.infer<typeof ExperienceEntitySchema>;
export type EducationEntity = z.infer<typeof EducationEntitySchema>;
export type ProjectEntity = z.infer<typeof ProjectEntitySchema>;
