import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { CatalogueId, ContentHash } from './events';
import { JobContent, JobStatus } from './job';
import { KeywordAnalysis } from './keyword-analysis';

/** System actors that write to job streams. */
export const CATALOGUE_ACTOR = 'system:catalogue';
export const EXPIRY_ACTOR = 'system:job-expiry';
/** Writes the jobs read from configured job boards (source `api`). */
export const JOB_BOARD_ACTOR = 'system:job-board';

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
/** Creates or refreshes a job read from a job board (source `api`); a posting back on its board is active again. */
export const SyncBoardJob = command('SyncBoardJob', analysed);
/** The posting left its job board: its job is archived (nothing if it already is, or is not a board job). */
export const CloseBoardJob = command('CloseBoardJob', {});
export const UpdateJob = command('UpdateJob', analysed);
export const ChangeJobStatus = command('ChangeJobStatus', { status: JobStatus });
/** `content_hash` names the content that was analysed, so a concurrent update is noticed. */
export const AnalyzeJob = command('AnalyzeJob', { content_hash: ContentHash, analysis: KeywordAnalysis });
export const ExpireJob = command('ExpireJob', {});
export const DeleteJob = command('DeleteJob', {});

export const JobCommandSchema = z.discriminatedUnion('type', [
  CreateJob,
  SyncCatalogueJob,
  SyncBoardJob,
  CloseBoardJob,
  UpdateJob,
  ChangeJobStatus,
  AnalyzeJob,
  ExpireJob,
  DeleteJob,
]);
export type JobCommand = z.infer<typeof JobCommandSchema>;
