import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { CatalogueId, ContentHash } from './events';
import { JobContent, JobStatus } from './job';
import { KeywordAnalysis } from './keyword-analysis';

/** System actors that write to job streams. */
export const CATALOGUE_ACTOR = 'system:catalogue';
export const EXPIRY_ACTOR = 'system:job-expiry';

/**
 * Commands on a job. The clock (`now`, whose date is "today" for expiry), generated ids, the
 * content hash and the keyword analysis travel in the command, so deciding is pure and a retry
 * re-runs the same decision. `actor` is a user id or a system actor.
 */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), job_id: Uuid, actor: z.string().min(1).max(200), now: IsoTimestamp, ...shape });

/** The content with what the service computed from it. */
const analysed = { content: JobContent, content_hash: ContentHash, analysis: KeywordAnalysis };

export const CreateJob = command('CreateJob', {
  source: z.enum(['user_created', 'imported']),
  status: z.enum(['draft', 'active']),
  ...analysed,
});
/** Creates or refreshes a job of the static catalogue; nothing happens when its content is unchanged. */
export const SyncCatalogueJob = command('SyncCatalogueJob', { catalogue_id: CatalogueId, ...analysed });
export const UpdateJob = command('UpdateJob', analysed);
export const ChangeJobStatus = command('ChangeJobStatus', { status: JobStatus });
/** `content_hash` names the content that was analysed, so a concurrent update is noticed. */
export const AnalyzeJob = command('AnalyzeJob', { content_hash: ContentHash, analysis: KeywordAnalysis });
export const ExpireJob = command('ExpireJob', {});
export const DeleteJob = command('DeleteJob', {});

export const JobCommandSchema = z.discriminatedUnion('type', [
  CreateJob,
  SyncCatalogueJob,
  UpdateJob,
  ChangeJobStatus,
  AnalyzeJob,
  ExpireJob,
  DeleteJob,
]);
export type JobCommand = z.infer<typeof JobCommandSchema>;
