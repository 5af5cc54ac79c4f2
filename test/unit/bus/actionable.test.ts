import { z } from 'zod';
import { actionable } from '../../../src/bus/actionable';
import { BUS_HEADERS, ConsumedMessage } from '../../../src/bus/port';

const Ping = z.object({ event_type: z.literal('ping'), n: z.number() });

function message(value: Record<string, unknown>, headers: Record<string, string> = {}): ConsumedMessage {
  return { topic: 't', partition: 0, offset: '0', key: 'k', value, headers };
}

describe('actionable: what a consumer that acts may act on', () => {
  it('given a message its schema knows, when read, then it is the parsed event', () => {
    expect(actionable(message({ event_type: 'ping', n: 1, extra: true }), Ping)).toEqual({ event_type: 'ping', n: 1 });
  });

  it('given the same message re-published by a replay, when read, then there is nothing to act on and nothing is reported', () => {
    const onUnknown = jest.fn();
    expect(actionable(message({ event_type: 'ping', n: 1 }, { [BUS_HEADERS.replay]: 'true' }), Ping, onUnknown)).toBeNull();
    expect(onUnknown).not.toHaveBeenCalled();
  });

  it('given a message the schema does not know, when read, then there is nothing to act on and it is reported once', () => {
    const onUnknown = jest.fn();
    expect(actionable(message({ event_type: 'pong' }), Ping, onUnknown)).toBeNull();
    expect(onUnknown).toHaveBeenCalledTimes(1);
  });
});
