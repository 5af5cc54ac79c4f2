import { RouteSpec } from '../http/route';
import { ReadStore } from '../read-store/port';
import { ProjectionWaiter } from '../read-store/read-your-writes';
import { CommandHandler } from '../shared/command-handler';
import { FileStore } from '../storage/port';

/** The application-tracking routes (issue 14 item 3); filled in by the applications slice. */
export function applicationApiRoutes(_deps: { commands: CommandHandler; readStore: ReadStore; waiter: ProjectionWaiter; files: FileStore }): RouteSpec[] {
  return [];
}
