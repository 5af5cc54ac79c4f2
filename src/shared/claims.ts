import { EventStore, WrongExpectedRevisionError } from '../event-store/port';
import { deserializeEvent, serializeEvent } from '../event-store/serializer';
import { CommandContext } from './command-handler';

/** Who holds the claim on `stream_id`, and the stream's length (for the expected revision). */
export async function readClaim(store: EventStore, stream_id: string): Promise<{ owner: string | null; version: number }> {
  const events = (await store.readStream(stream_id)).map(deserializeEvent);
  let owner: string | null = null;
  for (const event of events) {
    if (event.type === 'ClaimTaken') owner = event.data.owner_id;
    if (event.type === 'ClaimReleased' && event.data.owner_id === owner) owner = null;
  }
  return { owner, version: events.length };
}

/**
 * Takes the claim for `owner_id`. A claim held by an owner that does not exist (a crash between
 * claiming and creating) or no longer exists can be taken over. Returns false when someone else
 * holds it, or won a race for it.
 */
export async function takeClaim(
  store: EventStore,
  stream_id: string,
  owner_id: string,
  holderStillExists: (holder: string) => Promise<boolean>,
  context: CommandContext,
): Promise<boolean> {
  const { owner, version } = await readClaim(store, stream_id);
  if (owner === owner_id) return true;
  if (owner !== null && (await holderStillExists(owner))) return false;
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
