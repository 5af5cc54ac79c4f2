import { z } from 'zod';
import { CatalogueId } from '../../../contracts/jobs/events';
import { JobContent, JobContentInput } from '../../../contracts/jobs/job';
import { ID_NAMESPACES, uuidV5 } from '../../shared/ids';
import { contentHash } from './content-hash';
import staticJobsFile from './static-jobs.json';

export { contentHash } from './content-hash';

/** The job id of a catalogue entry: the same on every start-up, so reloading never duplicates a job. */
export const staticJobId = (catalogue_id: string): string => uuidV5(catalogue_id, ID_NAMESPACES.static_job);

/** One job of the static catalogue, as the seeder needs it. */
export interface CatalogueJob {
  catalogue_id: string;
  content: JobContent;
  content_hash: string;
}

const CatalogueFile = z.strictObject({ jobs: z.array(z.looseObject({ catalogue_id: CatalogueId })).min(1) });

/** Parses the bundled catalogue (or `raw`, for tests); throws naming the first bad entry. */
export function loadStaticCatalogue(raw: unknown = staticJobsFile): CatalogueJob[] {
  const file = CatalogueFile.safeParse(raw);
  if (!file.success) throw new Error(`static job catalogue is malformed: ${describeIssues(file.error)}`);
  const seen = new Set<string>();
  return file.data.jobs.map(({ catalogue_id, ...fields }, index) => {
    if (seen.has(catalogue_id)) throw new Error(`static job ${catalogue_id} (entry ${index}) is a duplicate id`);
    seen.add(catalogue_id);
    const parsed = JobContentInput.safeParse(fields);
    if (!parsed.success) {
      throw new Error(`static job ${catalogue_id} (entry ${index}) is invalid: ${describeIssues(parsed.error)}`);
    }
    return { catalogue_id, content: parsed.data, content_hash: contentHash(parsed.data) };
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}
