import { BackgroundTask, BackgroundTasks } from '../../../src/shared/background-tasks';
import { silentLogger } from '../../../src/shared/logger';

function recorder() {
  const log: string[] = [];
  const task = (name: string, failOnStart = false): BackgroundTask => ({
    name,
    start: async () => {
      if (failOnStart) throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
    },
  });
  return { log, task };
}

describe('BackgroundTasks', () => {
  it('given tasks, when started and stopped, then they start in order and stop in reverse', async () => {
    const { log, task } = recorder();
    const tasks = new BackgroundTasks([task('projector'), task('relay'), task('catalogue')], silentLogger());
    await tasks.start();
    await tasks.stop();
    expect(log).toEqual(['start projector', 'start relay', 'start catalogue', 'stop catalogue', 'stop relay', 'stop projector']);
  });

  it('given a task that fails to start, when started, then the ones already started are stopped and start-up fails', async () => {
    const { log, task } = recorder();
    const tasks = new BackgroundTasks([task('projector'), task('relay', true), task('catalogue')], silentLogger());
    await expect(tasks.start()).rejects.toThrow('relay cannot start');
    expect(log).toEqual(['start projector', 'stop projector']);
  });

  it('given tasks already stopped, when stopped again, then nothing runs twice', async () => {
    const { log, task } = recorder();
    const tasks = new BackgroundTasks([task('a')], silentLogger());
    await tasks.start();
    await tasks.stop();
    await tasks.stop();
    expect(log).toEqual(['start a', 'stop a']);
  });
});
