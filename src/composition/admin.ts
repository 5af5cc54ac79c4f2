import { Entity, ProjectionStatus } from '../../contracts/admin/http';
import { allProjections } from '../../projections';
import { ProjectionRunner } from '../projector/projection-runner';
import { ProjectionRebuilds, RebuildRefused } from '../projector/projection-rebuild';
import { neverRebuilt, ProjectionRebuildsPort, rebuildConflict, unknownProjection } from '../admin/projection-rebuilds';
import { Logger } from '../shared/logger';
import { projectorLagReadings } from '../projector/lag';
import { CheckpointStore } from '../read-store/checkpoints';
import { DomainEnvelope } from '../../contracts/events';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc, Unprojected } from '../../contracts/shared/read-model';
import { applicationsProjection } from '../../projections/applications';
import { documentsProjection } from '../../projections/documents';
import { generationsProjection } from '../../projections/generations';
import { jobsProjection } from '../../projections/jobs';
import { profilesProjection } from '../../projections/profiles';
import { usersProjection } from '../../projections/users';
import { AdminHistory, Folder } from '../admin/admin-history';
import { adminHistoryRoutes } from '../admin/admin-routes';
import { Replays } from '../admin/replays';
import { MessageBus } from '../bus/port';
import { Clock } from '../shared/clock';
import { applicationAggregate } from '../applications/application-aggregate';
import { documentAggregate } from '../documents/document-aggregate';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { generationAggregate } from '../generations/generation-aggregate';
import { RouteSpec } from '../http/route';
import { jobAggregate } from '../jobs/job-aggregate';
import { profileAggregate } from '../profiles/profile-aggregate';
import { ReadStore } from '../read-store/port';
import { CommandHandler } from '../shared/command-handler';
import { userAggregate } from '../users/user-aggregate';

/** Each entity's stream category and its aggregate's own fold, for time travel. */
const folder = <S, E, D extends ProjectedDoc>(category: string, decider: { initialState: S; evolve(state: S, event: E): S }, projection: Projection<D>): Folder => ({
  category,
  initialState: decider.initialState,
  evolve: (state, event: DomainEnvelope) => decider.evolve(state as S, event as unknown as E),
  view: { handles: projection.handles, evolve: (doc, event) => projection.evolve(doc as Unprojected<D> | null, event) },
});

export const FOLDERS: Record<Entity, Folder> = {
  users: folder('user', userAggregate.decider, usersProjection),
  profiles: folder('profile', profileAggregate.decider, profilesProjection),
  jobs: folder('job', jobAggregate.decider, jobsProjection),
  generations: folder('generation', generationAggregate.decider, generationsProjection),
  documents: folder('document', documentAggregate.decider, documentsProjection),
  applications: folder('application', applicationAggregate.decider, applicationsProjection),
};

export interface AdminDeps {
  events: EventStore;
  serializer: EventSerializer;
  readStore: ReadStore;
  commands: CommandHandler;
  /** The projectors this process runs (their live status); the others are read from their checkpoints. */
  runners: readonly ProjectionRunner[];
  bus: MessageBus;
  clock: Clock;
  rebuilds: ProjectionRebuilds;
}

/**
 * Projection rebuilds (ADR 0012) for the projectors this process runs (others are stored as requests
 * for the projector process to pick up); `offline` (the CLI): the
 * projection runs nowhere else, so no live projector is paused. Stopped with the background tasks.
 */
export function buildProjectionRebuilds(deps: { events: EventStore; readStore: ReadStore; serializer: EventSerializer; runners: readonly ProjectionRunner[]; logger: Logger; offline?: boolean }): ProjectionRebuilds {
  return new ProjectionRebuilds({ ...deps, logger: deps.logger.child({ component: 'projection-rebuild' }), projections: allProjections, without_runner: deps.offline ? 'offline' : 'request' });
}

export function adminApiRoutes(deps: AdminDeps): RouteSpec[] {
  return adminHistoryRoutes(new AdminHistory({ ...deps, folders: FOLDERS }), () => projectionStatuses(deps), new Replays(deps), rebuildsPort(deps.rebuilds));
}

/** The rebuilds as the routes see them: refusals as 404 and 409 problems. */
export function rebuildsPort(rebuilds: ProjectionRebuilds): ProjectionRebuildsPort {
  const known = (name: string) => {
    if (!allProjections.some((p) => p.name === name)) throw unknownProjection(name);
  };
  return {
    async start(name, requested_by) {
      known(name);
      try {
        return await rebuilds.start(name, requested_by);
      } catch (error) {
        if (error instanceof RebuildRefused) throw error.reason === 'unknown' ? unknownProjection(name) : rebuildConflict(error.message);
        throw error;
      }
    },
    async status(name) {
      known(name);
      const status = await rebuilds.status(name);
      if (!status) throw neverRebuilt(name);
      return status;
    },
  };
}

/** Each read model's projection as this process sees it: live where it runs here, from its stored checkpoint otherwise. */
async function projectionStatuses(deps: AdminDeps): Promise<ProjectionStatus[]> {
  const local = new Map(deps.runners.map((runner) => [runner.snapshot().name, runner.snapshot()]));
  const names = allProjections.map((p) => p.name);
  const lags = await projectorLagReadings(deps.events, deps.readStore, names, () => [...local.values()]);
  const checkpoints = new CheckpointStore(deps.readStore);
  return Promise.all(
    allProjections.map(async (projection, i) => {
      const here = local.get(projection.name);
      const version = /_v(\d+)$/.exec(projection.name);
      return {
        name: projection.name,
        version: version ? Number(version[1]) : null,
        collection: projection.collection,
        checkpoint: here?.checkpoint ?? (await checkpoints.load(projection.name)),
        lag: { events: lags[i].events, seconds: lags[i].seconds },
        status: here?.state ?? 'elsewhere',
        ready: here?.ready ?? null,
        events_applied: here?.events_applied ?? null,
        events_failed: here?.events_failed ?? null,
        last_error: here?.last_error ?? null,
        rebuild: await deps.rebuilds.status(projection.name),
      };
    }),
  );
}
