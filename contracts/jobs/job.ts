import { z } from 'zod';
import { HttpUrl, list, RecordedHttpUrl, requiredText } from '../shared/primitives';

/**
 * The unified job model's content: what a user (or the static catalogue, or an importer)
 * supplies. Server-side fields (id, owner, source, status, keywords, timestamps) belong to the
 * read model. Wire format is snake_case; every string and list is bounded.
 */

export const JobSource = z.enum(['static', 'user_created', 'imported', 'api', 'scraped']);
export const RemotePolicy = z.enum(['onsite', 'hybrid', 'remote']);
export const EmploymentType = z.enum(['full_time', 'part_time', 'contract', 'temporary', 'internship']);
export const ExperienceLevel = z.enum(['internship', 'entry', 'mid', 'senior', 'lead', 'executive']);
export const JobStatus = z.enum(['draft', 'active', 'archived', 'expired']);
export const SalaryPeriod = z.enum(['year', 'month', 'hour']);

export type JobSource = z.infer<typeof JobSource>;
export type RemotePolicy = z.infer<typeof RemotePolicy>;
export type EmploymentType = z.infer<typeof EmploymentType>;
export type ExperienceLevel = z.infer<typeof ExperienceLevel>;
export type JobStatus = z.infer<typeof JobStatus>;
export type SalaryPeriod = z.infer<typeof SalaryPeriod>;

/** A full calendar date, `2026-03-15`. */
export const IsoDate = z.iso.date({ error: 'must be a real date as YYYY-MM-DD' });

export const SalaryRange = z
  .strictObject({
    min: z.number().nonnegative().max(1_000_000_000),
    max: z.number().nonnegative().max(1_000_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD or EUR'),
    period: SalaryPeriod,
  })
  .refine((s) => s.min <= s.max, { path: ['min'], message: 'must not be greater than max' });
export type SalaryRange = z.infer<typeof SalaryRange>;

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const textList = () => list(requiredText(1000), 100).default([]);

/** Field schemas with the defaults a POST body may rely on; `.describe()` feeds the template. */
export const JobContentFields = {
  title: requiredText(200).describe('Job title as advertised, e.g. "Senior Backend Engineer"'),
  company: requiredText(200).describe('Hiring company name'),
  location: nullable(requiredText(200)).describe('City, region and/or country; null if unknown'),
  remote: nullable(RemotePolicy).describe('Work arrangement; null if not stated'),
  employment_type: nullable(EmploymentType).describe('Kind of contract; null if not stated'),
  experience_level: nullable(ExperienceLevel).describe('Seniority the role targets; null if not stated'),
  salary_range: nullable(SalaryRange).describe('Advertised pay range; null if not published'),
  description: requiredText(20000).describe('The posting text: about the role and the company'),
  requirements: textList().describe('Skills and qualifications, one per item; mark optional ones "nice to have"'),
  responsibilities: textList().describe('What the person will do, one per item'),
  benefits: textList().describe('Perks and benefits, one per item'),
  industry: nullable(requiredText(100)).describe('Industry or sector, e.g. "software", "healthcare"'),
  posted_date: nullable(IsoDate).describe('Date the job was published, YYYY-MM-DD'),
  expires_date: nullable(IsoDate).describe('Application deadline, YYYY-MM-DD; not before posted_date'),
  external_job_id: nullable(requiredText(200)).describe('Reference number of the job on its source site'),
  application_url: nullable(HttpUrl).describe('Where to apply (http or https URL)'),
};

const JobContentObject = z.strictObject(JobContentFields);

function datesInOrder(job: { posted_date: string | null; expires_date: string | null }, ctx: z.RefinementCtx) {
  if (job.posted_date && job.expires_date && job.expires_date < job.posted_date) {
    ctx.addIssue({ code: 'custom', path: ['expires_date'], message: 'must not be before posted_date' });
  }
}

/** POST/PUT body and stored content. Unknown keys are rejected so typos are reported. */
export const JobContentInput = JobContentObject.superRefine(datesInOrder);
/** Parsing any content with defaults applied yields the complete shape. */
export const JobContent = JobContentInput;
/** Content in recorded events: the application URL as accepted when recorded (see RecordedHttpUrl). */
export const RecordedJobContent = JobContentObject.extend({
  application_url: nullable(RecordedHttpUrl).describe(JobContentFields.application_url.description ?? ''),
}).superRefine(datesInOrder);
export type JobContentInput = z.input<typeof JobContentInput>;
export type JobContent = z.output<typeof JobContentInput>;

export const JobField = JobContentObject.keyof();
export type JobField = z.infer<typeof JobField>;

/* ---- POST /api/v1/jobs/convert-text ---- */

export const ConvertTextRequest = z.strictObject({ raw_text: requiredText(50000) });
export type ConvertTextRequest = z.infer<typeof ConvertTextRequest>;

/** A best-effort draft: every field present, null (or empty) when the text did not say. */
export const ConvertedJob = z.strictObject({
  ...JobContentFields,
  title: requiredText(200).nullable(),
  company: requiredText(200).nullable(),
  description: requiredText(20000).nullable(),
});
export type ConvertedJob = z.output<typeof ConvertedJob>;

/** Per field, how sure the converter is: 0 = not found, 1 = explicitly labelled. */
export const FieldConfidence = z.record(JobField, z.number().min(0).max(1));
export type FieldConfidence = z.infer<typeof FieldConfidence>;

export const ConversionResult = z.strictObject({
  job: ConvertedJob,
  confidence: FieldConfidence,
  warnings: z.array(z.string()),
});
export type ConversionResult = z.output<typeof ConversionResult>;

/* ---- POST /api/v1/jobs/validate ---- */

export const ValidationProblem = z.strictObject({
  path: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export const ValidationResult = z.strictObject({
  valid: z.boolean(),
  problems: z.array(ValidationProblem),
});
export type ValidationProblem = z.infer<typeof ValidationProblem>;
export type ValidationResult = z.infer<typeof ValidationResult>;

/* ---- GET /api/v1/jobs/template ---- */

export const JobTemplateField = z.strictObject({
  name: JobField,
  type: z.string(),
  required: z.boolean(),
  nullable: z.boolean(),
  description: z.string(),
  max_length: z.number().int().nullable(),
  max_items: z.number().int().nullable(),
  allowed_values: z.array(z.string()).nullable(),
  format: z.string().nullable(),
});
export const JobTemplate = z.strictObject({
  example: JobContent,
  fields: z.array(JobTemplateField),
});
export type JobTemplateField = z.infer<typeof JobTemplateField>;
export type JobTemplate = z.output<typeof JobTemplate>;
