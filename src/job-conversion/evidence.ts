import type { ConvertedJob } from '../../contracts/jobs/job';

/** The single-valued fields the converter looks for, each with how sure it is. */
export type ScalarField =
  | 'title'
  | 'company'
  | 'location'
  | 'remote'
  | 'employment_type'
  | 'experience_level'
  | 'salary_range'
  | 'industry'
  | 'posted_date'
  | 'expires_date'
  | 'external_job_id'
  | 'application_url';

export type Offer = {
  [K in ScalarField]: {
    field: K;
    value: NonNullable<ConvertedJob[K]>;
    confidence: number;
    /** Caveats that matter only if this offer is the one used, e.g. an assumed pay period. */
    warnings?: string[];
  };
}[ScalarField];

export const offer = <K extends ScalarField>(
  field: K,
  value: NonNullable<ConvertedJob[K]>,
  confidence: number,
  warnings: string[] = [],
) => ({ field, value, confidence, warnings }) as Offer;

export type BestOffers = { [K in ScalarField]?: Extract<Offer, { field: K }> };

/** Keeps, per field, the most confident offer; on a tie the earliest wins. */
export function bestOffers(offers: Offer[]): BestOffers {
  const best: Partial<Record<ScalarField, Offer>> = {};
  for (const candidate of offers) {
    const current = best[candidate.field];
    if (!current || candidate.confidence > current.confidence) best[candidate.field] = candidate;
  }
  return best as BestOffers;
}
