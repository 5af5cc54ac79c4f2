import { uuidV5 } from '../shared/ids';

/** Namespace of board job ids. Never change it: stored stream names depend on it. */
const BOARD_JOB_NAMESPACE = '3d6f0b92-7c14-4e8a-a5d1-9b2e6c0f4a73';

/**
 * The job id of a board posting: the same for the same source and posting on every sync and in
 * every process, so a repeated or concurrent sync never creates a job twice.
 */
export const boardJobId = (source_id: string, external_id: string): string => uuidV5(`${source_id}\n${external_id}`, BOARD_JOB_NAMESPACE);
