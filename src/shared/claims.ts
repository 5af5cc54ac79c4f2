import { EventStore, WrongExpectedRevisionError } from '../event-store/port';
import { deserializeEvent, serializeEvent } from '../event-store/serializer';
import { CommandContext } from './command-handler';

/**
 * How long a fresh claim is protected even though its holder does not exist yet: the holder
 * appends its own first event right after claiming, so a missing holder is only abandoned once
 * this much time has passed (a crash between the two appends).
 */
export const ABANDONED_AFTER_MS = 60_000;

interface Claim {
  owner: string | null;
  /** When the current owner took the claim. */
  taken_at: string | null;
  /** The stream's length, for the expected revision. */
  version: number;
}

/** Who holds the claim on `stream_id`. */
export async function readClaim(store: EventStore, stream_id: string): Promise<Claim> {
  const events = (await store.readStream(stream_id)).map(deserializeEvent);
  let claim: Claim = { owner: null, taken_at: null, version: events.length };
  for (const event of events) {
    if (event.type === 'ClaimTaken') claim = { ...claim, owner: event.data.owner_id, taken_at: event.recorded_at };
    if (event.type === 'ClaimReleased' && event.data.owner_id === claim.owner) claim = { ...claim, owner: null, taken_at: null };
  }
  return claim;
}

/**
 * Takes the claim for `owner_id`. A claim whose holder no longer exists, or never came to exist
 * (a crash between claiming and creating, older than ABANDONED_AFTER_MS), can be taken over.
 * Returns false when someone else holds it, or won a race for it.
 */
export async function takeClaim(
  store: EventStore,
  stream_id: string,
  owner_id: string,
  holderStillExists: (holder: string) => Promise<boolean>,
  context: CommandContext,
): Promise<boolean> {
  const { owner, taken_at, version } = await readClaim(store, stream_id);
  if (owner === owner_id) return true;
  if (owner !== null) {
    const fresh = Date.parse(context.now) - Date.parse(taken_at!) < ABANDONED_AFTER_MS;
    if (fresh || (await holderStillExists(owner))) return false;
  }
  return append(store, stream_id, 'ClaimTaken', owner_id, version, context);
}

export async function releaseClaim(store: EventStore, stream_id: string, owner_id: string, context: CommandContext): Promise<void> {
  const { owner, version } = await readClaim(store, stream_id);
  if (owner === owner_id) await append(store, stream_id, 'ClaimReleased', owner_id, version, context);
}

async function append(
  store: EventStore,
  stream_id: string,
  type: 'ClaimTaken' | 'ClaimReleased',
  owner_id: string,
  version: number,
  context: CommandContext,
): Promise<boolean> {
  const event = serializeEvent(
    { type, data: { owner_id } },
    { correlation_id: context.correlation_id, causation_id: context.causation_id ?? null, actor: context.actor, occurred_at: context.now },
  );
  try {
    await store.appendToStream(stream_id, [event], version === 0 ? 'no_stream' : version - 1);
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return false;
    throw error;
  }
}
