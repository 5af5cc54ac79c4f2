import { JobsReadModel } from '../../../contracts/jobs/read-model';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbeddedEventStore } from '../../../src/event-store/embedded';
import { EventSerializer } from '../../../src/event-store/serializer';
import { jobBackgroundTasks } from '../../../src/jobs/job-background-tasks';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';
import { BackgroundTasks } from '../../../src/shared/background-tasks';
import { systemClock } from '../../../src/shared/clock';
import { CommandHandler } from '../../../src/shared/command-handler';
import { silentLogger } from '../../../src/shared/logger';

/** A jobs projector that has read the log up to where the test says. */
function slowProjector() {
  const waits: Array<{ position: string; resolve: () => void }> = [];
  return {
    name: JobsReadModel.name,
    waits,
    waitFor: (position: string) => new Promise<void>((resolve) => waits.push({ position, resolve })),
  };
}

describe('the static catalogue load at start-up', () => {
  it('given a jobs projector still reading a long history, when the tasks start, then start-up does not wait for it but the task stays pending until the projector has read the catalogue', async () => {
    const events = await openEmbeddedEventStore(await mkdtemp(join(tmpdir(), 'jobwise-catalogue-')));
    const projector = slowProjector();
    const tasks = new BackgroundTasks(
      jobBackgroundTasks({ commands: new CommandHandler(events, new EventSerializer(null)), readStore: new EmbeddedReadStore(), clock: systemClock, logger: silentLogger(), projectors: [projector] }),
      silentLogger(),
    );

    await tasks.start();
    expect(projector.waits).toHaveLength(1);
    expect(tasks.pending()).toEqual(['job-catalogue']);

    projector.waits[0].resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tasks.pending()).toEqual([]);
    await tasks.stop();
    await events.close();
  });
});
