import { InProcessBus } from '../../../src/bus/in-process';
import { BusMessage, ConsumedMessage } from '../../../src/bus/port';

/** The in-process bus keeps a window of messages, not all of them, and says where a publisher may resume. */
const TOPIC = 'jobwise.things.v1';
const position = (n: number) => String(n).padStart(16, '0');
const message = (n: number, key = 'thing-1'): BusMessage => ({ key, value: { n }, headers: { source_position: position(n) } });
const messages = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('InProcessBus window', () => {
  it('given no group falls behind, then only the last window of messages is kept for a late reader', async () => {
    const bus = new InProcessBus({ partitions: 1, window: 10 });
    for (let n = 1; n <= 50; n++) await bus.publish(TOPIC, [message(n)]);
    const seen: number[] = [];
    await bus.subscribe({ group_id: 'late', topics: [TOPIC], from_beginning: true, handler: async (m) => void seen.push(m.value.n as number) });
    await settle();
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => 41 + i));
    await bus.close();
  });

  it('given a subscribed group further behind than the window, then a publish waits until it catches up (nothing is dropped)', async () => {
    const bus = new InProcessBus({ partitions: 1, window: 5 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    await bus.subscribe({
      group_id: 'slow',
      topics: [TOPIC],
      from_beginning: true,
      handler: async (m: ConsumedMessage) => {
        await gate;
        seen.push(m.value.n as number);
      },
    });
    let published = false;
    const publishing = bus.publish(TOPIC, messages(1, 8)).then(() => (published = true));
    await settle();
    expect(published).toBe(false);
    release();
    await publishing;
    await settle();
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await bus.close();
  });

  it('says where a publisher may resume: before the oldest message a group has not finished, or all of it once every group has', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: number[] = [];
    await bus.subscribe({
      group_id: 'process-manager',
      topics: [TOPIC],
      from_beginning: true,
      handler: async (m) => {
        if (m.value.n === 3) await gate;
        seen.push(m.value.n as number);
      },
    });
    await bus.publish(TOPIC, messages(1, 5));
    await bus.publish('jobwise.nobody-listens.v1', [message(7, 'other')]);
    await settle();
    expect(seen).toEqual([1, 2]);
    expect(bus.resumePosition(position(7))).toBe(position(2));
    release();
    await settle();
    expect(bus.resumePosition(position(7))).toBe(position(7));
    await bus.close();
  });

  it('given a group that stopped mid-message, then the resume position stays before that message', async () => {
    const bus = new InProcessBus({ partitions: 1 });
    const consumer = await bus.subscribe({ group_id: 'pm', topics: [TOPIC], from_beginning: true, handler: async (m) => void (m.value.n === 2 && (await new Promise(() => undefined))) });
    await bus.publish(TOPIC, messages(1, 3));
    await settle();
    void consumer.stop();
    await settle();
    expect(bus.resumePosition(position(3))).toBe(position(1));
    await bus.close();
  });
});
