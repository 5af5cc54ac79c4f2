import { RebuildStatus } from '../../contracts/admin/http';
import { DomainError } from '../shared/errors';

/** What the admin routes need of the projection rebuilds (src/projector/projection-rebuild.ts, wired in src/composition/admin.ts). */
export interface ProjectionRebuildsPort {
  /**
   * Starts a rebuild, or where another process runs the projector records a request it picks up:
   * 404 for an unknown projection, 409 while one runs or waits to be picked up.
   */
  start(name: string, requested_by: string | null): Promise<RebuildStatus>;
  /** The rebuild in progress or the last one; 404 when the projection is unknown or was never rebuilt. */
  status(name: string): Promise<RebuildStatus>;
}

export const unknownProjection = (name: string) => new DomainError('ADMIN.NOT_FOUND', `No projection is named ${name}`);
export const neverRebuilt = (name: string) => new DomainError('ADMIN.NOT_FOUND', `Projection ${name} was never rebuilt`);
export const rebuildConflict = (detail: string) => new DomainError('CONCURRENCY.CONFLICT', detail);
