import { z } from 'zod';

/**
 * The JSON Resume job-description schema (jsonresume.org/job-description-schema). Every field
 * is optional there and unknown keys are allowed, so this is lenient; only types and sizes are
 * checked. Mapping it onto our content happens in `import.ts`.
 */
const text = (max: number) => z.string().trim().max(max);
const texts = (max: number) => z.array(text(1000)).max(max);

export const JsonResumeJob = z.looseObject({
  title: text(200).optional(),
  company: text(200).optional(),
  type: text(100).optional(),
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  description: text(20000).optional(),
  location: z
    .looseObject({
      address: text(500).optional(),
      postalCode: text(50).optional(),
      city: text(200).optional(),
      countryCode: text(10).optional(),
      region: text(200).optional(),
    })
    .optional(),
  remote: z
    .string()
    .regex(/^(full|hybrid|none)$/i, 'must be one of Full, Hybrid, None')
    .optional(),
  salary: text(200).optional(),
  experience: text(200).optional(),
  responsibilities: texts(100).optional(),
  qualifications: texts(100).optional(),
  skills: z
    .array(z.looseObject({ name: text(200).optional(), level: text(100).optional(), keywords: z.array(text(100)).max(50).optional() }))
    .max(100)
    .optional(),
});
export type JsonResumeJob = z.infer<typeof JsonResumeJob>;

/** Keys that only a JSON Resume job document has (ours would reject them as unknown). */
export const JSON_RESUME_ONLY_KEYS = ['type', 'date', 'qualifications', 'skills', 'experience', 'salary', 'meta'];
