import { Entity } from '../../contracts/admin/http';
import { DomainEnvelope } from '../../contracts/events';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc, Unprojected } from '../../contracts/shared/read-model';
import { documentsProjection } from '../../projections/documents';
import { generationsProjection } from '../../projections/generations';
import { jobsProjection } from '../../projections/jobs';
import { profilesProjection } from '../../projections/profiles';
import { usersProjection } from '../../projections/users';
import { AdminHistory, Folder } from '../admin/admin-history';
import { adminHistoryRoutes } from '../admin/admin-routes';
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
};

export function adminApiRoutes(deps: { events: EventStore; serializer: EventSerializer; readStore: ReadStore; commands: CommandHandler }): RouteSpec[] {
  return adminHistoryRoutes(new AdminHistory({ ...deps, folders: FOLDERS }));
}
