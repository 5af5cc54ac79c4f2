import { DocumentKeeper, CompletedGeneration } from '../documents/document-keeper';
import { documentFileRoutes } from '../documents/document-file-routes';
import { DocumentQueries } from '../documents/document-queries';
import { DocumentRouteDeps } from '../documents/document-route-deps';
import { documentRoutes } from '../documents/document-routes';
import { RetentionSweeper } from '../documents/retention-sweeper';
import { shareRoutes } from '../documents/share-routes';
import { MessageBus } from '../bus/port';
import { Config } from '../config';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { generationAggregate } from '../generations/generation-aggregate';
import { RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { BackgroundTask } from '../shared/background-tasks';
import { Clock } from '../shared/clock';
import { CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { streamName } from '../shared/streams';
import { FileStore } from '../storage/port';
import { jobSnapshotAt, profileSnapshotAt } from './snapshots';

/** The Document API's routes: documents and versions, exports and downloads, share links. */
export function documentApiRoutes(deps: { commands: CommandHandler; readStore: ReadStore; waiter: ProjectionWaiter; files: FileStore; config: Config }): RouteSpec[] {
  const routeDeps: DocumentRouteDeps = {
    commands: deps.commands,
    queries: new DocumentQueries(deps.readStore),
    waiter: deps.waiter,
    files: deps.files,
    retention_days: deps.config.documents.retention_days,
  };
  return [...documentFileRoutes(routeDeps), ...documentRoutes(routeDeps), ...shareRoutes(routeDeps)];
}

/** The api role's retention sweep of expired documents. */
export function documentRetentionTask(deps: { commands: CommandHandler; readStore: ReadStore; files: FileStore; clock: Clock; logger: Logger; interval_ms: number }): BackgroundTask {
  const sweeper = new RetentionSweeper({ ...deps, queries: new DocumentQueries(deps.readStore), logger: deps.logger.child({ component: 'document-retention' }) });
  return { name: 'document-retention', start: async () => sweeper.start(deps.interval_ms), stop: () => sweeper.stop() };
}

/**
 * The keeper of generated documents (process-manager role): a completed generation read from its
 * stream, with the name on the profile and the job's title and company at the versions it used.
 */
export function buildDocumentKeeper(config: Config, events: EventStore, serializer: EventSerializer, bus: MessageBus, clock: Clock, logger: Logger): DocumentKeeper {
  const commands = new CommandHandler(events, serializer);
  const profileAt = profileSnapshotAt(events, serializer);
  const jobAt = jobSnapshotAt(events, serializer);
  async function completedGeneration(generation_id: string): Promise<CompletedGeneration | null> {
    const { state } = await commands.load(generationAggregate.decider, streamName('generation', generation_id));
    if (state.status !== 'completed') return null;
    const { request, output } = state;
    const [profile, job] = await Promise.all([profileAt(request.profile_id, request.profile_version), jobAt(request.job_id, request.job_version)]);
    return {
      generation_id,
      user_id: state.user_id,
      profile_id: request.profile_id,
      job_id: request.job_id,
      template: request.options.template,
      resume: output.resume ?? null,
      cover_letter: output.cover_letter ?? null,
      resume_ats_score: output.resume_quality?.ats_score ?? null,
      cover_letter_ats_score: output.cover_letter_quality?.ats_score ?? null,
      person_name: profile?.personal_info.full_name ?? '',
      job_title: job?.title ?? '',
      company: job?.company ?? '',
    };
  }
  return new DocumentKeeper({
    bus,
    commands,
    completedGeneration,
    clock,
    logger: logger.child({ component: 'document-keeper' }),
    retention_days: config.documents.retention_days,
    group_id: config.documents.keeper_group,
  });
}
