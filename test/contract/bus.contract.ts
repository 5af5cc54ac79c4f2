import { randomUUID } from 'node:crypto';
import type { BusMessage, ConsumedMessage, Consumer, ConsumerOptions, MessageBus } from '../../src/bus/port';

/**
 * The behaviour every MessageBus adapter must show. The factory should configure short retry
 * back-offs (tens of milliseconds): the retry scenarios run the real policy.
 */
export type BusFactory = () => Promise<MessageBus>;

export interface BusContractOptions {
  /** Per-test timeout; brokers need a few seconds per consumer-group join. */
  test_timeout_ms?: number;
  /** How long to wait for an expected delivery. */
  delivery_timeout_ms?: number;
}

export function describeBusContract(name: string, factory: BusFactory, options: BusContractOptions = {}): void {
  const test_timeout_ms = options.test_timeout_ms ?? 10_000;
  const delivery_timeout_ms = options.delivery_timeout_ms ?? 5_000;

  describe(`${name} message bus contract`, () => {
    let bus: MessageBus;
    const running: Consumer[] = [];

    beforeAll(async () => {
      bus = await factory();
    }, test_timeout_ms);
    afterEach(async () => {
      await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
    }, test_timeout_ms);
    afterAll(async () => {
      await bus?.close();
    }, test_timeout_ms);

    const subscribe = async (consumer_options: ConsumerOptions): Promise<Consumer> => {
      const consumer = await bus.subscribe(consumer_options);
      running.push(consumer);
      return consumer;
    };
    const eventually = (assertion: () => void) => waitFor(assertion, delivery_timeout_ms);
    const scenario = (title: string, body: () => Promise<void>) => it(title, body, test_timeout_ms);

    scenario('given a subscribed group, when a message is published, then it arrives with key, value and headers intact', async () => {
      const topic = unique('topic');
      const inbox = recorder();
      await subscribe({ group_id: unique('group'), topics: [topic], from_beginning: true, handler: inbox.handler });

      const sent = message('profile-1', 1, { nested: { list: [1, 'two'], flag: true } });
      await bus.publish(topic, [sent]);

      await eventually(() => expect(inbox.received).toHaveLength(1));
      const [received] = inbox.received;
      expect(received).toMatchObject({ topic, key: sent.key, value: sent.value, headers: sent.headers });
      expect(typeof received.partition).toBe('number');
      expect(received.offset).toMatch(/^\d+$/);
    });

    scenario('given several streams, when many messages are published, then each key keeps its order', async () => {
      const topic = unique('topic');
      const inbox = recorder();
      await subscribe({ group_id: unique('group'), topics: [topic], from_beginning: true, handler: inbox.handler });
      const keys = ['stream-a', 'stream-b', 'stream-c', 'stream-d', 'stream-e'];
      const per_key = 20;

      for (let n = 0; n < per_key; n += 5) {
        const batch = keys.flatMap((key) => [0, 1, 2, 3, 4].map((i) => message(key, n + i)));
        await bus.publish(topic, batch);
      }

      await eventually(() => expect(inbox.received).toHaveLength(keys.length * per_key));
      for (const key of keys) {
        expect(inbox.sequenceOf(key)).toEqual(Array.from({ length: per_key }, (_, n) => n));
      }
    });

    scenario('given two groups, when messages are published, then each group receives all of them', async () => {
      const topic = unique('topic');
      const [first, second] = [recorder(), recorder()];
      await Promise.all([
        subscribe({ group_id: unique('group-1'), topics: [topic], from_beginning: true, handler: first.handler }),
        subscribe({ group_id: unique('group-2'), topics: [topic], from_beginning: true, handler: second.handler }),
      ]);

      const sent = Array.from({ length: 10 }, (_, n) => message(`stream-${n % 3}`, n));
      await bus.publish(topic, sent);

      await eventually(() => expect(first.received).toHaveLength(10));
      await eventually(() => expect(second.received).toHaveLength(10));
      expect(first.eventIds().sort()).toEqual(eventIds(sent).sort());
      expect(second.eventIds().sort()).toEqual(eventIds(sent).sort());
    });

    scenario('given two members of one group, when messages are published, then each is handled by exactly one member', async () => {
      const topic = unique('topic');
      const group_id = unique('group');
      const [first, second] = [recorder(), recorder()];
      await subscribe({ group_id, topics: [topic], from_beginning: true, handler: first.handler });
      await subscribe({ group_id, topics: [topic], from_beginning: true, handler: second.handler });

      const sent = Array.from({ length: 30 }, (_, n) => message(`stream-${n}`, n));
      await bus.publish(topic, sent);

      const handled = () => [...first.eventIds(), ...second.eventIds()];
      await eventually(() => expect(handled()).toHaveLength(sent.length));
      await pause(300);
      expect(handled().sort()).toEqual(eventIds(sent).sort());
      expect(first.received.length).toBeGreaterThan(0);
      expect(second.received.length).toBeGreaterThan(0);
    });

    scenario('given a handler that fails twice, when the message arrives, then it is retried until it succeeds and the next one follows', async () => {
      const topic = unique('topic');
      const inbox = recorder();
      const flaky = message('stream-1', 1);
      let failures = 0;
      await subscribe({
        group_id: unique('group'),
        topics: [topic],
        from_beginning: true,
        max_attempts: 5,
        handler: async (received) => {
          inbox.record(received);
          if (received.headers.event_id === flaky.headers.event_id && failures++ < 2) throw new Error('not yet');
        },
      });

      await bus.publish(topic, [flaky, message('stream-1', 2)]);

      await eventually(() => expect(inbox.sequenceOf('stream-1')).toEqual([1, 1, 1, 2]));
      const offsets = inbox.received.slice(0, 3).map((received) => received.offset);
      expect(new Set(offsets).size).toBe(1);
    });

    scenario('given a group stopped mid-retry, when it restarts, then only the unacknowledged message is redelivered', async () => {
      const topic = unique('topic');
      const group_id = unique('group');
      const [succeeded, unacked, later] = [message('stream-1', 1), message('stream-1', 2), message('stream-1', 3)];
      const before = recorder();
      let failures = 0;
      const first = await subscribe({
        group_id,
        topics: [topic],
        from_beginning: true,
        max_attempts: 10_000,
        handler: async (received) => {
          before.record(received);
          if (received.headers.event_id === succeeded.headers.event_id && failures++ < 2) throw new Error('not yet');
          if (received.headers.event_id === unacked.headers.event_id) throw new Error('still failing');
        },
      });
      await bus.publish(topic, [succeeded, unacked]);
      await eventually(() => expect(before.sequenceOf('stream-1').slice(0, 4)).toEqual([1, 1, 1, 2]));
      await first.stop();

      const after = recorder();
      await subscribe({ group_id, topics: [topic], from_beginning: true, handler: after.handler });
      await bus.publish(topic, [later]);

      await eventually(() => expect(after.sequenceOf('stream-1')).toEqual([2, 3]));
    });

    scenario('given a poison message, when it keeps failing, then it goes to <topic>.dlq and the partition moves on', async () => {
      const topic = unique('topic');
      const handled = recorder();
      const dead = recorder();
      const poison = message('stream-1', 1);
      await Promise.all([
        subscribe({
          group_id: unique('group'),
          topics: [topic],
          from_beginning: true,
          max_attempts: 3,
          handler: async (received) => {
            handled.record(received);
            if (received.headers.event_id === poison.headers.event_id) throw new Error('cannot process poison');
          },
        }),
        subscribe({ group_id: unique('dlq-group'), topics: [`${topic}.dlq`], from_beginning: true, handler: dead.handler }),
      ]);

      await bus.publish(topic, [poison, message('stream-1', 2)]);

      await eventually(() => expect(handled.sequenceOf('stream-1')).toEqual([1, 1, 1, 2]));
      await eventually(() => expect(dead.received).toHaveLength(1));
      const [letter] = dead.received;
      const original = handled.received[0];
      expect(letter).toMatchObject({ key: poison.key, value: poison.value, headers: poison.headers });
      expect(letter.headers).toMatchObject({
        'x-original-topic': topic,
        'x-original-partition': String(original.partition),
        'x-original-offset': original.offset,
        'x-attempts': '3',
      });
      expect(letter.headers['x-error']).toContain('cannot process poison');
    });

    scenario('given a group that consumed some messages, when it restarts, then it resumes from its committed offset', async () => {
      const topic = unique('topic');
      const group_id = unique('group');
      const before = recorder();
      const first = await subscribe({ group_id, topics: [topic], from_beginning: true, handler: before.handler });
      await bus.publish(topic, [message('stream-1', 1), message('stream-2', 2), message('stream-1', 3)]);
      await eventually(() => expect(before.received).toHaveLength(3));
      await first.stop();

      await bus.publish(topic, [message('stream-2', 4), message('stream-1', 5)]);
      const after = recorder();
      await subscribe({ group_id, topics: [topic], from_beginning: true, handler: after.handler });

      await eventually(() => expect(after.numbers().sort()).toEqual([4, 5]));
      await pause(300);
      expect(after.received).toHaveLength(2);
    });

    scenario('given earlier messages, when a new group subscribes, then from_beginning decides whether it sees them', async () => {
      const topic = unique('topic');
      await bus.publish(topic, [message('stream-1', 1)]);
      const [latest, earliest] = [recorder(), recorder()];
      await Promise.all([
        subscribe({ group_id: unique('latest'), topics: [topic], from_beginning: false, handler: latest.handler }),
        subscribe({ group_id: unique('earliest'), topics: [topic], from_beginning: true, handler: earliest.handler }),
      ]);

      await bus.publish(topic, [message('stream-1', 2)]);

      await eventually(() => expect(earliest.numbers()).toEqual([1, 2]));
      await eventually(() => expect(latest.numbers()).toEqual([2]));
    });

    scenario('given a handler that publishes, when it runs, then the follow-up message is delivered too', async () => {
      const [topic, follow_up_topic] = [unique('topic'), unique('follow-up')];
      const follow_ups = recorder();
      await Promise.all([
        subscribe({
          group_id: unique('reactor'),
          topics: [topic],
          from_beginning: true,
          handler: async (received) => bus.publish(follow_up_topic, [message(received.key, Number(received.value.n) + 1)]),
        }),
        subscribe({ group_id: unique('group'), topics: [follow_up_topic], from_beginning: true, handler: follow_ups.handler }),
      ]);

      await bus.publish(topic, [message('stream-1', 1)]);

      await eventually(() => expect(follow_ups.numbers()).toEqual([2]));
    });

    scenario('given topics ensured (twice) before any message, when a group subscribes and the first message is published, then it arrives', async () => {
      const topics = [unique('owned'), unique('owned')];
      const owned = [...topics, ...topics.map((topic) => `${topic}.dlq`)];
      await bus.ensureTopics(owned);
      await bus.ensureTopics(owned);
      const inbox = recorder();
      await subscribe({ group_id: unique('early'), topics: owned, from_beginning: false, handler: inbox.handler });

      const first = message('stream-1', 1);
      await bus.publish(topics[1], [first]);

      await eventually(() => expect(inbox.eventIds()).toEqual(eventIds([first])));
      expect(inbox.received[0].topic).toBe(topics[1]);
    });

    scenario('given a bus, when it is pinged and then closed, then ping succeeds and publishing afterwards fails', async () => {
      const own = await factory();
      await expect(own.ping()).resolves.toBeUndefined();

      await own.close();

      await expect(own.publish(unique('topic'), [message('stream-1', 1)])).rejects.toThrow();
    });
  });
}

function unique(prefix: string): string {
  return `contract.${prefix}.${randomUUID().slice(0, 8)}`;
}

function message(key: string, n: number, extra: Record<string, unknown> = {}): BusMessage {
  return {
    key,
    value: { n, ...extra },
    headers: {
      event_id: randomUUID(),
      event_type: 'ContractTested',
      schema_version: '1',
      correlation_id: `correlation-${n}`,
    },
  };
}

const eventIds = (messages: BusMessage[]) => messages.map((sent) => sent.headers.event_id);

function recorder() {
  const received: ConsumedMessage[] = [];
  const record = (consumed: ConsumedMessage) => {
    received.push(consumed);
  };
  return {
    received,
    record,
    handler: async (consumed: ConsumedMessage) => record(consumed),
    eventIds: () => received.map((consumed) => consumed.headers.event_id),
    numbers: () => received.map((consumed) => Number(consumed.value.n)),
    sequenceOf: (key: string) => received.filter((consumed) => consumed.key === key).map((consumed) => Number(consumed.value.n)),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(assertion: () => void, timeout_ms: number): Promise<void> {
  const deadline = Date.now() + timeout_ms;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await pause(25);
    }
  }
}
