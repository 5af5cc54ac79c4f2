import 'reflect-metadata';
import { Container } from 'inversify';
import { allProjections } from '../projections';
import { ProjectionRunner } from './projector/projection-runner';
import { ReadYourWritesWaiter } from './read-store/read-your-writes';
import { EventRelay } from './relay';
import { openBus, openEventStore, openReadStore } from './adapters';
import { Config } from './config';
import { EventStore } from './event-store/port';
import { ReadStore } from './read-store/port';
import { MessageBus } from './bus/port';
import { ExpirySweeper } from './jobs/expiry-sweeper';
import { JobQueries } from './jobs/queries';
import { jobRoutes } from './jobs/job-routes';
import { JobCommands } from './jobs/service';
import { ProfileQueries } from './profiles/queries';
import { profileRoutes } from './profiles/profile-routes';
import { ProfileCommands } from './profiles/service';
import { Logger } from './shared/logger';
import { TOKENS } from './container-tokens';
import { resolveJwtSecret } from './users/jwt-secret';
import { userRoutes } from './users/user-routes';
import { AuthService } from './users/service';
import { TokenService } from './users/session-tokens';

/**
 * The composition root: adapters are opened here and every service is wired by token.
 * Deciders, projections and contracts know nothing of it.
 */
export async function buildContainer(config: Config, logger: Logger): Promise<Container> {
  const container = new Container({ defaultScope: 'Singleton' });
  const [events, readStore, bus] = await Promise.all([openEventStore(config, logger), openReadStore(config), openBus(config, logger)]);
  const jwt_secret = await resolveJwtSecret({
    configured: config.jwt_secret,
    data_dir: config.data_dir,
    embedded: !config.eventstore_url,
    logger,
  });

  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(logger);
  container.bind(TOKENS.JwtSecret).toConstantValue(jwt_secret);
  container.bind<EventStore>(TOKENS.EventStore).toConstantValue(events);
  container.bind<ReadStore>(TOKENS.ReadStore).toConstantValue(readStore);
  container.bind<MessageBus>(TOKENS.Bus).toConstantValue(bus);
  container.bind(TOKENS.TokenService).toConstantValue(
    new TokenService({ secret: jwt_secret, access_ttl_seconds: config.access_ttl_seconds, refresh_ttl_seconds: config.refresh_ttl_seconds }),
  );
  container
    .bind(TOKENS.AuthService)
    .toDynamicValue((ctx) => new AuthService(events, ctx.container.get(TOKENS.TokenService), { N: config.scrypt_n, r: 8, p: 1 }));
  container.bind(TOKENS.ProfileCommands).toDynamicValue(() => new ProfileCommands(events));
  container.bind(TOKENS.ProfileQueries).toDynamicValue(() => new ProfileQueries(readStore));
  container.bind(TOKENS.JobCommands).toConstantValue(new JobCommands(events));
  container.bind(TOKENS.JobQueries).toConstantValue(new JobQueries(readStore));
  container
    .bind(TOKENS.JobExpirySweeper)
    .toDynamicValue((ctx) => new ExpirySweeper(ctx.container.get(TOKENS.JobCommands), readStore, logger.child({ component: 'job-expiry' })));

  const runners = config.roles.includes('projector')
    ? allProjections.map((projection) => new ProjectionRunner(projection, events, readStore, logger.child({ projection: projection.name })))
    : [];
  container.bind(TOKENS.ProjectionRunners).toConstantValue(runners);
  container.bind(TOKENS.ReadModels).toConstantValue(allProjections.map((projection) => projection.name));
  if (config.roles.includes('relay')) {
    container.bind(TOKENS.Relay).toConstantValue(new EventRelay(events, bus, readStore, logger.child({ component: 'relay' })));
  }
  container.bind(TOKENS.ProjectionWaiter).toConstantValue(new ReadYourWritesWaiter(runners, readStore));

  container.bind(TOKENS.Routes).toDynamicValue((ctx) => {
    const get = <T>(token: symbol) => ctx.container.get<T>(token);
    const waiter = get<ReadYourWritesWaiter>(TOKENS.ProjectionWaiter);
    return [
      ...userRoutes({ auth: get(TOKENS.AuthService), tokens: get(TOKENS.TokenService), readStore, waiter }),
      ...profileRoutes({ commands: get(TOKENS.ProfileCommands), queries: get(TOKENS.ProfileQueries), waiter }),
      ...jobRoutes({ commands: get(TOKENS.JobCommands), queries: get(TOKENS.JobQueries), waiter }),
    ];
  });
  return container;
}
