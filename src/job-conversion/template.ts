import { z } from 'zod';
import { JobContentInput, JobField, type JobTemplate, type JobTemplateField } from '../../contracts/jobs/job';

/** What GET /api/v1/jobs/template returns: a filled example and one row per field, read off the contract. */
export function jobTemplate(): JobTemplate {
  const schema = z.toJSONSchema(JobContentInput, { io: 'input' }) as unknown as ObjectSchema;
  const required = new Set(schema.required ?? []);
  return {
    example: EXAMPLE,
    fields: JobField.options.map((name) => describeField(name, schema.properties[name], required.has(name))),
  };
}

interface JsonSchema {
  type?: string;
  enum?: string[];
  anyOf?: JsonSchema[];
  format?: string;
  description?: string;
  maxLength?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}
interface ObjectSchema {
  properties: Record<string, JsonSchema>;
  required?: string[];
}

function describeField(name: JobField, schema: JsonSchema, required: boolean): JobTemplateField {
  const variants = schema.anyOf ?? [schema];
  const value = variants.find((variant) => variant.type !== 'null') ?? schema;
  return {
    name,
    type: typeName(value),
    required,
    nullable: variants.some((variant) => variant.type === 'null'),
    description: schema.description ?? '',
    max_length: value.maxLength ?? value.items?.maxLength ?? null,
    max_items: value.maxItems ?? null,
    allowed_values: value.enum ?? null,
    format: value.format ?? null,
  };
}

function typeName(schema: JsonSchema): string {
  if (schema.enum) return 'enum';
  if (schema.type === 'array') return `array of ${schema.items?.type ?? 'value'}`;
  if (schema.type === 'object') return `object {${Object.keys(schema.properties ?? {}).join(', ')}}`;
  return schema.type ?? 'value';
}

const EXAMPLE = JobContentInput.parse({
  title: 'Senior Backend Engineer',
  company: 'Example Corp',
  location: 'Berlin, Germany',
  remote: 'hybrid',
  employment_type: 'full_time',
  experience_level: 'senior',
  salary_range: { min: 75000, max: 95000, currency: 'EUR', period: 'year' },
  description:
    'Example Corp builds scheduling software for clinics. As a senior backend engineer you will design the services behind our booking engine and mentor two engineers.',
  requirements: ['5+ years of backend development', 'TypeScript and Node.js', 'PostgreSQL', 'Nice to have: Kubernetes (k8s)'],
  responsibilities: ['Design and operate backend services', 'Review code and mentor engineers'],
  benefits: ['30 days of paid vacation', 'Yearly learning budget'],
  industry: 'software',
  posted_date: '2026-03-01',
  expires_date: '2026-04-30',
  external_job_id: 'EX-1042',
  application_url: 'https://jobs.example.com/ex-1042',
});
