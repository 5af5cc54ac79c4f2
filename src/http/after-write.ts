import { WriteAccepted } from '../../contracts/shared/read-model';
import { ProjectionWaiter, ReadModelLagError } from '../read-store/read-your-writes';
import { etag } from './etag';
import { HttpResult, ResponseSpec } from './route';

export interface WriteOutcome {
  /** Position of the last appended event; null when the command changed nothing. */
  position: string | null;
  /** The resource's version after the write. */
  version: number;
}

export interface AfterWrite {
  waiter: ProjectionWaiter;
  /** The read model the next read of this resource comes from. */
  readModel: string;
  written: WriteOutcome;
  /** Where the resource is read (null for a deletion). */
  location: string | null;
  /** The answer once the read model has the write (usually a read of it). */
  respond(): Promise<HttpResult>;
  /** The 202 body when the read model lags, if the write's own result says more than WriteAccepted (a new session). */
  acceptedBody?: unknown;
}

/**
 * Read-your-writes for every route that writes: wait until the read model has the write, then
 * answer from it. If the read model lags past the waiter's deadline the write has still
 * happened, so the answer is 202 with the new version and where to read it — never an error
 * that would make a client retry a write that succeeded.
 */
export async function afterWrite(options: AfterWrite): Promise<HttpResult> {
  const { written, location } = options;
  if (written.position) {
    try {
      await options.waiter.waitFor(options.readModel, written.position);
    } catch (error) {
      if (!(error instanceof ReadModelLagError)) throw error;
      const body: WriteAccepted = {
        status: 'accepted',
        detail: `The change is stored (version ${written.version}); it is not readable yet${location ? `: GET ${location} shortly` : ''}. Do not repeat it.`,
        version: written.version,
        location,
      };
      return { status: 202, body: options.acceptedBody ?? body, headers: { ETag: etag(written.version), ...(location ? { Location: location } : {}) } };
    }
  }
  return options.respond();
}

/** The 202 that `afterWrite` may answer, for a route's OpenAPI responses. */
export const acceptedResponse: Record<number, ResponseSpec> = {
  202: { description: 'Stored, but not yet readable (the read model lags): do not repeat the write; read `Location` shortly', schema: WriteAccepted },
};
