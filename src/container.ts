import 'reflect-metadata';
import { Container } from 'inversify';
import { allProjections } from '../projections';
import { keepRelayCheckpointDurable, openBus, openContentProvider, openEventStore, openFileStore, openKeyStore, openReadStore } from './adapters';
import { FileStore } from './storage/port';
import { jobSnapshotAt, profileSnapshotAt } from './composition/snapshots';
import { buildDocumentKeeper, documentApiRoutes, documentRetentionTask } from './composition/documents';
import { adminApiRoutes, buildProjectionRebuilds } from './composition/admin';
import { applicationApiRoutes } from './composition/applications';
import { jobSearchApiRoutes } from './composition/job-search';
import { buildNotifier, notificationApiRoutes } from './composition/notifications';
import { jobAlertApiRoutes, jobAlertTasks } from './composition/job-alerts';
import { ProcessManager } from './generations/process-manager/process-manager';
import { runStage, StageDeps } from './generations/stages';
import { MessageBus } from './bus/port';
import { Config } from './config';
import { TOKENS } from './container-tokens';
import { EventStore } from './event-store/port';
import { HttpAppDeps } from './http/server';
import { jobBackgroundTasks } from './jobs/job-background-tasks';
import { jobRoutes } from './jobs/job-routes';
import { JobQueries } from './jobs/job-queries';
import { profileRoutes } from './profiles/profile-routes';
import { ProfileQueries } from './profiles/profile-queries';
import { ProjectionRunner } from './projector/projection-runner';
import { openRateLimitStore } from './rate-limit';
import { ReadStore } from './read-store/port';
import { ReadYourWritesWaiter } from './read-store/read-your-writes';
import { EventRelay } from './relay';
import { BackgroundTask, BackgroundTasks } from './shared/background-tasks';
import { Clock, systemClock } from './shared/clock';
import { CommandHandler } from './shared/command-handler';
import { Logger } from './shared/logger';
import { clearLagSources, collectProcessMetrics, registerLagSource } from './shared/metrics';
import { withAppendMetrics } from './event-store/timed';
import { EventSerializer } from './event-store/serializer';
import { lagBehind, projectorLagReadings } from './projector/lag';
import { InProcessRateLimitStore, LoginBackoff, RateLimiter } from './shared/rate-limit';
import { AuthService } from './users/accounts';
import { AccessRevocations, RevocationAwareVerifier } from './users/access-revocations';
import { resolveJwtSecret } from './users/jwt-secret';
import { TokenService } from './users/session-tokens';
import { userRoutes } from './users/user-routes';
import { erasureRoutes } from './users/erasure-routes';
import { exportRoutes } from './privacy/export-routes';
import { generationRoutes } from './generations/generation-routes';
import { GenerationQueries } from './generations/generation-queries';
import { buildJobSources } from './composition/job-sources';

/**
 * The composition root: adapters are opened here and every service is wired by token. The rest
 * of the code receives typed dependencies; nothing outside the composition root (this file and
 * app-process.ts) sees the container.
 */
export async function buildContainer(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Container> {
  const container = new Container({ defaultScope: 'Singleton' });
  const [store, bus] = await Promise.all([openEventStore(config, logger), openBus(config, logger)]);
  const readStore = await openReadStore(config, store, allProjections, logger);
  keepRelayCheckpointDurable(readStore, bus);
  const events = withAppendMetrics(store);
  const jwt_secret = await resolveJwtSecret({ configured: config.jwt_secret, data_dir: config.data_dir, embedded: !config.eventstore_url, logger });
  const keys = await openKeyStore(config, readStore, jwt_secret, logger);
  const serializer = new EventSerializer(keys);
  const files = await openFileStore(config, keys);
  const has = (role: Config['roles'][number]) => config.roles.includes(role);
  const admins = new Set(config.admin_emails);
  const rateLimitStore = has('api') ? await openRateLimitStore(config) : new InProcessRateLimitStore();
  const rateLimiter = new RateLimiter(rateLimitStore, config.rate_limits);
  const revocations = new AccessRevocations(readStore, clock, config.token_revocation_cache_ms);
  const loginBackoff = new LoginBackoff(rateLimitStore, { enabled: config.rate_limits.enabled, policy: config.rate_limits.login_backoff });

  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.Clock).toConstantValue(clock);
  container.bind<EventStore>(TOKENS.EventStore).toConstantValue(events);
  container.bind<ReadStore>(TOKENS.ReadStore).toConstantValue(readStore);
  container.bind<MessageBus>(TOKENS.Bus).toConstantValue(bus);
  container.bind<FileStore>(TOKENS.FileStore).toConstantValue(files);
  container.bind(TOKENS.CommandHandler).toConstantValue(new CommandHandler(events, serializer));
  container.bind(TOKENS.TokenService).toConstantValue(
    new TokenService({ secret: jwt_secret, access_ttl_seconds: config.access_ttl_seconds, refresh_ttl_seconds: config.refresh_ttl_seconds }),
  );
  container
    .bind(TOKENS.AuthService)
    .toDynamicValue((ctx) => new AuthService(ctx.container.get(TOKENS.CommandHandler), ctx.container.get(TOKENS.TokenService), { N: config.scrypt_n, r: 8, p: 1 }, loginBackoff, admins));
  container.bind(TOKENS.ProfileQueries).toConstantValue(new ProfileQueries(readStore));
  container.bind(TOKENS.JobQueries).toConstantValue(new JobQueries(readStore));
  const jobSources = has('api') ? buildJobSources({ sources: config.job_sources, commands: container.get(TOKENS.CommandHandler), readStore, clock, logger }) : null;

  const runners = has('projector')
    ? allProjections.map((projection) => new ProjectionRunner(projection, events, readStore, logger.child({ projection: projection.name }), serializer))
    : [];
  const relay = has('relay') ? new EventRelay(events, bus, readStore, logger.child({ component: 'relay' }), {}, serializer) : null;
  const processManager = has('process-manager') ? buildProcessManager(config, events, serializer, bus, clock, logger) : null;
  const documentKeeper = has('process-manager') ? buildDocumentKeeper(config, events, serializer, bus, clock, logger) : null;
  const notifier = has('notifier') ? buildNotifier({ events, serializer, bus, readStore, clock, logger, group_id: config.notifier_group }) : null;
  const jobAlerts = has('notifier') ? jobAlertTasks({ events, serializer, bus, readStore, clock, logger, group_id: config.notifier_group, digest_sweep_ms: config.job_alert_digest_sweep_ms }) : [];
  container.bind(TOKENS.ProjectionRunners).toConstantValue(runners);
  const rebuilds = buildProjectionRebuilds({ events, readStore, serializer, runners, logger });
  if (relay) container.bind(TOKENS.Relay).toConstantValue(relay);
  registerMetricSources(events, readStore, runners, relay);
  container.bind(TOKENS.ProjectionWaiter).toConstantValue(new ReadYourWritesWaiter(runners, readStore, config.read_your_writes_timeout_ms));

  container.bind(TOKENS.Routes).toDynamicValue((ctx) => {
    if (!has('api')) return [];
    const get = <T>(token: symbol) => ctx.container.get<T>(token);
    const commands = get<CommandHandler>(TOKENS.CommandHandler);
    const waiter = get<ReadYourWritesWaiter>(TOKENS.ProjectionWaiter);
    return [
      ...userRoutes({ auth: get(TOKENS.AuthService), tokens: get(TOKENS.TokenService), readStore, waiter, revocations, admins }),
      ...erasureRoutes({ commands, auth: get(TOKENS.AuthService), readStore, revocations, files, access_ttl_seconds: config.access_ttl_seconds }),
      ...profileRoutes({ commands, queries: get(TOKENS.ProfileQueries), waiter }),
      ...jobRoutes({ commands, queries: get(TOKENS.JobQueries), waiter }),
      ...(jobSources?.routes ?? []),
      ...generationRoutes({
        commands,
        queries: new GenerationQueries(readStore),
        waiter,
        profileAt: profileSnapshotAt(events, serializer),
        token_budget: { limits: config.generation.token_limits, enforced: config.generation.openai !== undefined },
      }),
      ...documentApiRoutes({ commands, readStore, waiter, files, config }),
      ...adminApiRoutes({ events, serializer, readStore, commands, runners, bus, clock, rebuilds }),
      ...applicationApiRoutes({ commands, readStore, waiter, files }),
      ...jobSearchApiRoutes({ readStore }),
      ...notificationApiRoutes({ commands, readStore, waiter }),
      ...jobAlertApiRoutes({ commands, readStore, waiter }),
      ...exportRoutes({ readStore, sessionsOf: (id) => get<AuthService>(TOKENS.AuthService).sessions(id) }),
    ];
  });

  container.bind(TOKENS.BackgroundTasks).toDynamicValue((ctx) => {
    const tasks: BackgroundTask[] = [
      // First to start, last to stop: closes the rate-limit counters' connection.
      { name: 'rate-limit-store', start: async () => undefined, stop: () => rateLimitStore.close() },
      ...runners.map((runner) => ({ name: `projector:${runner.name}`, start: () => runner.start(), stop: () => runner.stop() })),
      // Where projectors run, rebuilds requested through api processes without them are picked up (ADR 0012).
      { name: 'projection-rebuilds', start: async () => rebuilds.watchRequests(config.rebuild_request_poll_ms), stop: () => rebuilds.stop() },
      ...(relay ? [{ name: 'relay', start: () => relay.start(), stop: () => relay.stop() }] : []),
      ...(processManager ? [{ name: 'process-manager', start: () => processManager.start(), stop: () => processManager.stop() }] : []),
      ...(documentKeeper ? [{ name: 'document-keeper', start: () => documentKeeper.start(), stop: () => documentKeeper.stop() }] : []),
      ...(notifier ? [{ name: 'notifier', start: () => notifier.start(), stop: () => notifier.stop() }] : []),
      ...jobAlerts,
      ...(has('api')
        ? [
            ...jobBackgroundTasks({ commands: ctx.container.get(TOKENS.CommandHandler), readStore, clock, logger, projectors: runners }),
            documentRetentionTask({ commands: ctx.container.get(TOKENS.CommandHandler), readStore, files, clock, logger, interval_ms: config.documents.retention_sweep_ms }),
            ...(jobSources ? [jobSources.task] : []),
          ]
        : []),
    ];
    return new BackgroundTasks(tasks, logger);
  });

  container.bind(TOKENS.HttpApp).toDynamicValue(
    (ctx): HttpAppDeps => ({
      routes: ctx.container.get(TOKENS.Routes),
      verifier: new RevocationAwareVerifier(ctx.container.get(TOKENS.TokenService), revocations),
      clock,
      logger,
      rateLimiter,
      edge: { cors_origins: config.cors_origins, request_timeout_ms: config.request_timeout_ms, metrics_token: config.metrics_token },
      health: {
        events,
        readStore,
        bus,
        readModels: allProjections.map((projection) => projection.name),
        projectors: () => runners.map((runner) => runner.snapshot()),
        relay: () => relay?.snapshot() ?? null,
        pendingTasks: () => ctx.container.get<BackgroundTasks>(TOKENS.BackgroundTasks).pending(),
      },
    }),
  );
  return container;
}

/** The generation pipeline: stages read the profile and job at the requested versions and write with the configured provider. */
function buildProcessManager(config: Config, events: EventStore, serializer: EventSerializer, bus: MessageBus, clock: Clock, logger: Logger): ProcessManager {
  const deps: StageDeps = { profileAt: profileSnapshotAt(events, serializer), jobAt: jobSnapshotAt(events, serializer), provider: openContentProvider(config) };
  return new ProcessManager(
    bus,
    new CommandHandler(events, serializer),
    (stage, generation, signal) => runStage(stage, generation, deps, signal),
    clock,
    logger.child({ component: 'process-manager' }),
    { duration_scale: config.generation.stage_duration_scale, group_id: config.generation.process_manager_group },
  );
}

/**
 * What /metrics reads at each scrape besides the counters: Node process metrics, the lag of
 * every projector (from its checkpoint here or in the read store) and, where the relay runs, the
 * relay's lag. One process, one set of sources: a new container replaces the previous one's.
 */
function registerMetricSources(events: EventStore, readStore: ReadStore, runners: ProjectionRunner[], relay: EventRelay | null): void {
  collectProcessMetrics();
  clearLagSources();
  const readModels = allProjections.map((projection) => projection.name);
  registerLagSource('projector', () => projectorLagReadings(events, readStore, readModels, () => runners.map((runner) => runner.snapshot())));
  if (relay) registerLagSource('relay', async () => [await lagBehind(events, 'relay', relay.snapshot().checkpoint, await events.headPosition())]);
}
