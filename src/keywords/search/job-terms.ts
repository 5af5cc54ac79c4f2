import { confirmedAmbiguousSkills, documentSkills } from './skills';
import { textTerms } from './text-terms';

/** The parts of a job that search reads. */
export interface SearchableJob {
  title: string;
  company: string;
  description: string;
  requirements: string[];
  responsibilities?: string[];
}

/**
 * The fields a job is scored on. Requirements are split: a "nice to have" item says less about
 * the job than a required one.
 */
export type FieldName = 'title' | 'company' | 'requirements' | 'optional' | 'responsibilities' | 'description';
export const FIELD_NAMES: readonly FieldName[] = ['title', 'company', 'requirements', 'optional', 'responsibilities', 'description'];

export interface FieldTerms {
  /** How often each term occurs (words, compounds and skill terms). */
  counts: Map<string, number>;
  /** Number of words, for length normalisation. */
  length: number;
  sequence: string[];
  /** The words as written, folded and singular, in order. */
  surfaces: string[];
}

export type JobTerms = Record<FieldName, FieldTerms>;

const OPTIONAL = /^\W*(?:nice[- ]to[- ]have|bonus|plus|ideally|preferably|desirable)\b|\b(?:preferred|a plus|an asset|desirable|nice[- ]to[- ]have|an advantage)\W*$/i;

export function jobTerms(job: SearchableJob): JobTerms {
  const texts = fieldTexts(job);
  const skills = {
    title: documentSkills(texts.title),
    requirements: documentSkills(texts.requirements),
    optional: documentSkills(texts.optional),
    responsibilities: documentSkills(texts.responsibilities),
    description: documentSkills(texts.description),
  };
  const postingSkills = new Set(Object.values(skills).flatMap((hits) => hits.map((hit) => hit.term)));
  const titleSkills = [...skills.title, ...confirmedAmbiguousSkills(texts.title, postingSkills)];
  return {
    title: fieldTerms(texts.title, titleSkills),
    // A company name is not a skill: "Spark Labs" does not use Apache Spark.
    company: fieldTerms(texts.company, []),
    requirements: fieldTerms(texts.requirements, skills.requirements),
    optional: fieldTerms(texts.optional, skills.optional),
    responsibilities: fieldTerms(texts.responsibilities, skills.responsibilities),
    description: fieldTerms(texts.description, skills.description),
  };
}

/** Every term of a job, de-duplicated and sorted. */
export function allTerms(terms: JobTerms): string[] {
  return [...new Set(FIELD_NAMES.flatMap((name) => [...terms[name].counts.keys()]))].sort();
}

/** "Nice to have: Kafka", "Terraform preferred"; a cue inside brackets ("(Master level preferred)") marks only the bracket. */
export function isOptionalRequirement(item: string): boolean {
  return OPTIONAL.test(item.replace(/\([^()]*\)/g, ' ').trim());
}

function fieldTexts(job: SearchableJob): Record<FieldName, string> {
  const nfc = (text: string) => text.normalize('NFC');
  const lines = (items: string[]) => nfc(items.join('\n'));
  return {
    title: nfc(job.title),
    company: nfc(job.company),
    requirements: lines(job.requirements.filter((item) => !isOptionalRequirement(item))),
    optional: lines(job.requirements.filter(isOptionalRequirement)),
    responsibilities: lines(job.responsibilities ?? []),
    description: nfc(job.description),
  };
}

function fieldTerms(text: string, skills: ReturnType<typeof documentSkills>): FieldTerms {
  const { sequence, surfaces, extras } = textTerms(text, skills);
  const counts = new Map<string, number>();
  for (const term of [...sequence, ...extras]) counts.set(term, (counts.get(term) ?? 0) + 1);
  return { counts, length: sequence.length, sequence, surfaces };
}
