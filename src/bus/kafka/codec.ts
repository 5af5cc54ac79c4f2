import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { BusMessage, ConsumedMessage } from '../port';

/** Values travel as JSON, keys and headers as UTF-8 strings. */
export function encodeMessage(message: BusMessage): Message {
  return { key: message.key, value: JSON.stringify(message.value), headers: { ...message.headers } };
}

export class MessageDecodeError extends Error {
  override readonly name = 'MessageDecodeError';
}

/** Throws MessageDecodeError for a value no handler could ever accept (retrying won't help). */
export function decodeMessage(topic: string, partition: number, message: KafkaMessage): ConsumedMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? '',
    value: decodeValue(message.value),
    headers: decodeHeaders(message.headers),
  };
}

function decodeValue(value: Buffer | null): Record<string, unknown> {
  if (value === null) throw new MessageDecodeError('message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch (error) {
    throw new MessageDecodeError(`message value is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MessageDecodeError('message value is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** A repeated header keeps its last value. */
function decodeHeaders(headers: IHeaders = {}): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
}
