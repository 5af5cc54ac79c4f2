import type { ConversionResult, ConvertedJob, FieldConfidence } from '../../contracts/jobs/job';
import { readBody } from './body';
import { type BestOffers, bestOffers, type ScalarField } from './evidence';
import { fitToContract } from './fit';
import { readHeader } from './header';
import { readLabels } from './labels';
import { toLines } from './lines';
import { readProse } from './prose';
import { splitSections } from './sections';

/**
 * Turns a pasted job posting into a draft job. Only what the text states is filled in; every
 * other field is null (or an empty list) with confidence 0, and a warning says what to add.
 * Evidence is gathered from labels ("Location: …"), the header (title and meta lines) and
 * running text; per field the most confident reading wins.
 */
export function convertText(rawText: string): ConversionResult {
  const lines = toLines(rawText);
  const labels = readLabels(lines);
  const sections = splitSections(lines.filter((line) => !labels.consumed.has(line.index)));
  const header = readHeader(sections[0].lines);
  const prose = readProse(sections, header.consumed);
  const body = readBody(sections, header.consumed);
  const best = bestOffers([...labels.offers, ...header.offers, ...prose.offers]);

  const value = <K extends ScalarField>(field: K) => (best[field]?.value ?? null) as ConvertedJob[K];
  const job: ConvertedJob = {
    title: value('title'),
    company: value('company'),
    location: value('location'),
    remote: value('remote'),
    employment_type: value('employment_type'),
    experience_level: value('experience_level'),
    salary_range: value('salary_range'),
    description: body.description,
    requirements: body.requirements,
    responsibilities: body.responsibilities,
    benefits: body.benefits,
    industry: value('industry'),
    posted_date: value('posted_date'),
    expires_date: value('expires_date'),
    external_job_id: value('external_job_id'),
    application_url: value('application_url'),
  };
  const warnings = [
    ...Object.values(best).flatMap((chosen) => chosen?.warnings ?? []),
    ...(best.salary_range ? [] : [...labels.warnings, ...prose.warnings]),
    ...gapWarnings(job),
  ];
  return fitToContract(job, confidenceOf(job, best, body.confidence), warnings);
}

function confidenceOf(job: ConvertedJob, best: BestOffers, lists: ReturnType<typeof readBody>['confidence']): FieldConfidence {
  const scalar = Object.fromEntries(Object.keys(job).map((field) => [field, best[field as ScalarField]?.confidence ?? 0]));
  return { ...scalar, ...lists } as FieldConfidence;
}

function gapWarnings(job: ConvertedJob): string[] {
  const warnings: string[] = [];
  if (!job.title) warnings.push('No job title found; add it before saving');
  if (!job.company) {
    warnings.push(
      'No company name found (it is only taken from a "Company:" label, "<title> at <company>", "<title> | <company> | <place>", "<company> — <title>", "About <company>" or "<company> is hiring"); add it before saving',
    );
  }
  if (!job.description) warnings.push('No descriptive text found; add a description before saving');
  if (!job.requirements.length) warnings.push('No requirements found; keyword matching works best with them');
  if (job.posted_date && job.expires_date && job.expires_date < job.posted_date) warnings.push('expires_date is before posted_date');
  return warnings;
}
