import { z } from 'zod';

/**
 * The profile as a JSON Resume document (https://jsonresume.org/schema, v1.0.0): basics, work,
 * education, projects, skills, languages, certificates. Empty values are left out, as the
 * schema's examples do; dates stay the partial ISO 8601 dates the profile holds. No `$schema`
 * member: the OpenAPI document must not hold a `$schema` key (swagger-ui reads it as a dialect).
 */
const text = z.string();
const dated = { startDate: text.optional(), endDate: text.optional() };
export const JsonResume = z.object({
  basics: z.object({
    name: text,
    email: text.optional(),
    phone: text.optional(),
    url: text.optional(),
    summary: text.optional(),
    location: z.object({ address: text }).optional(),
    profiles: z.array(z.object({ network: text, url: text })),
  }),
  work: z.array(
    z.object({ name: text, position: text, location: text.optional(), summary: text.optional(), highlights: z.array(text), ...dated }),
  ),
  education: z.array(
    z.object({ institution: text, studyType: text, area: text.optional(), score: text.optional(), courses: z.array(text), ...dated }),
  ),
  projects: z.array(z.object({ name: text, description: text.optional(), url: text.optional(), keywords: z.array(text), ...dated })),
  skills: z.array(z.object({ name: text, keywords: z.array(text) })),
  languages: z.array(z.object({ language: text, fluency: text })),
  certificates: z.array(z.object({ name: text, issuer: text.optional(), date: text.optional() })),
});
export type JsonResume = z.infer<typeof JsonResume>;
