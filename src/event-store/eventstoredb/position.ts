import { Position } from '@eventstore/db-client';

/**
 * An ESDB `$all` position `{commit, prepare}` as `"<commit>/<prepare>"`, each zero-padded to 20
 * digits (2^64 fits), so plain string order is the `$all` order.
 */
const WIDTH = 20;
const PATTERN = /^(\d{20})\/(\d{20})$/;

export function encodePosition(position: Position): string {
  return `${position.commit.toString().padStart(WIDTH, '0')}/${position.prepare.toString().padStart(WIDTH, '0')}`;
}

export function decodePosition(position: string): Position {
  const match = PATTERN.exec(position);
  if (!match) throw new RangeError(`Not an EventStoreDB position: ${JSON.stringify(position)}`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}
