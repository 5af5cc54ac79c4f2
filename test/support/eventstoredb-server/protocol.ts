import { Metadata, status } from '@grpc/grpc-js';
import type { ServerErrorResponse } from '@grpc/grpc-js';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';

/** Conversions and error shapes of EventStoreDB's gRPC protocol (`shared.proto`, `streams.proto`). */

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An RPC error as EventStoreDB sends it: a status plus `exception` and detail trailers the client maps to its errors. */
export function rpcError(code: status, details: string, trailers: Record<string, string> = {}): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

export const invalidArgument = (details: string) => rpcError(status.INVALID_ARGUMENT, details);

export function streamName(identifier: StreamIdentifier | undefined): string {
  const bytes = identifier?.getStreamName_asU8();
  if (!bytes || bytes.length === 0) throw invalidArgument('A stream identifier is required');
  return Buffer.from(bytes).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** A UUID in either wire form, as the lower-case canonical string (what a .NET Guid prints). */
export function parseUuid(uuid: UUID | undefined): string {
  if (uuid?.hasStructured()) {
    const structured = uuid.getStructured()!;
    const hex =
      BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
      BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const text = uuid?.getString().toLowerCase() ?? '';
  // .NET's Guid.Parse also takes braces and hex without dashes; clients send the canonical form.
  const canonical = /^[0-9a-f]{32}$/.test(text) ? text.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5') : text.replace(/^\{(.*)\}$/, '$1');
  if (!UUID_PATTERN.test(canonical)) throw invalidArgument(`'${uuid?.getString() ?? ''}' is not a valid event id (a UUID)`);
  return canonical;
}

export function formatUuid(id: string, structured: boolean): UUID {
  const uuid = new UUID();
  if (!structured) return uuid.setString(id);
  const hex = id.replace(/-/g, '');
  return uuid.setStructured(
    new UUID.Structured()
      .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
      .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString()),
  );
}

/** A uint64 field (sent as a decimal string) that has to fit a JS number, as revisions and counts here do. */
export function uint64(value: string, name: string): number {
  const parsed = BigInt(value);
  if (parsed < 0n) throw invalidArgument(`${name} must not be negative`);
  return parsed > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(parsed);
}
