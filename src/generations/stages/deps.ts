import { TargetJob } from '../../../contracts/generations/content';
import { ProfileView } from '../../../contracts/profiles/read-model';
import { ContentProvider } from '../../llm/port';

/** What the stages read and call: the profile and job as they were at a version, and a writer. */
export interface StageDeps {
  /** The profile after its first `version` events; null when it had none then or is gone. */
  profileAt(profile_id: string, version: number): Promise<ProfileView | null>;
  /** The job after its first `version` events; null when it had none then or is gone. */
  jobAt(job_id: string, version: number): Promise<TargetJob | null>;
  provider: ContentProvider;
}

/**
 * A stage that could not do its work. `reason` is shown to the user, so it never quotes the
 * profile's text; `retryable` says whether another attempt may succeed (a service was down) or
 * will fail the same way (the job was deleted).
 */
export class StageFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(reason);
    this.name = 'StageFailure';
  }
}

export const jobGone = () => new StageFailure('The job is no longer available', false);
export const profileGone = () => new StageFailure('The profile is no longer available', false);
