import { FieldName, FIELD_NAMES, jobTerms, JobTerms, SearchableJob } from './job-terms';

/**
 * What ranking needs of one job, computed once per job content (see job-cache.ts).
 *
 * `weights` holds, for each term of the job, its BM25F pseudo-frequency: occurrences weighted
 * by field and normalised by field length (saturation comes later, in scoring.ts):
 *
 *   weight(t) = sum over fields f of  W(f) * tf(t, f) / (1 - b(f) + b(f) * len(f) / ref(f))
 *
 * Field lengths are measured against fixed reference lengths (typical of the static catalogue)
 * rather than the average over the candidates, so a job's weights do not depend on which other
 * jobs a query matched and can be computed once.
 */
export interface IndexedJob {
  weights: TermWeights;
  /** Title terms in order, for the phrase bonus. */
  title: string[];
  /** Title words as written (folded, singular), for the exact-word bonus. */
  titleWords: string[];
  /** The other fields' terms in order, space-separated, fields separated by ` | `. */
  body: string;
}

/** A term's weight, or undefined when the job does not have it (a Map, or a stored index: search-index.ts). */
export interface TermWeights {
  get(term: string): number | undefined;
}

/** Field weights: title >> requirements > company > optional requirements > description. */
export const FIELDS: Record<FieldName, { weight: number; b: number; referenceLength: number }> = {
  title: { weight: 6, b: 0.3, referenceLength: 4 },
  requirements: { weight: 3, b: 0.75, referenceLength: 25 },
  company: { weight: 2, b: 0.3, referenceLength: 2 },
  optional: { weight: 1.5, b: 0.75, referenceLength: 8 },
  responsibilities: { weight: 1, b: 0.75, referenceLength: 20 },
  description: { weight: 1, b: 0.6, referenceLength: 40 },
};

export function indexJob(job: SearchableJob): IndexedJob {
  return indexTerms(jobTerms(job));
}

export function indexTerms(fields: JobTerms): IndexedJob {
  const weights = new Map<string, number>();
  for (const name of FIELD_NAMES) {
    const { weight, b, referenceLength } = FIELDS[name];
    const norm = 1 - b + (b * fields[name].length) / referenceLength;
    for (const [term, tf] of fields[name].counts) weights.set(term, (weights.get(term) ?? 0) + (weight * tf) / norm);
  }
  const others = FIELD_NAMES.filter((name) => name !== 'title').map((name) => fields[name].sequence.join(' '));
  return { weights, title: fields.title.sequence, titleWords: fields.title.surfaces, body: ` ${others.join(' | ')} ` };
}
