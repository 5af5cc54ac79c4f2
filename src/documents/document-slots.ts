import { DocumentType } from '../../contracts/documents/events';
import { readClaim, releaseClaim, takeClaim } from '../shared/claims';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { ID_NAMESPACES, uuidV5 } from '../shared/ids';
import { streamName } from '../shared/streams';
import { documentAggregate } from './document-aggregate';

/**
 * One live document per user, job and type: a regeneration for the same job adds a version to
 * it. The slot is a claim stream (atomic in any event store); deleting or expiring the document
 * releases it, so the next generation for that job starts a new document.
 */
export const slotOf = (user_id: string, job_id: string, type: DocumentType) => streamName('documentslot', uuidV5(`${user_id}/${job_id}/${type}`, ID_NAMESPACES.document_slot));

/** The id a generation's document gets when it is the first in its slot: the same on every redelivery. */
export const documentIdFor = (generation_id: string, type: DocumentType) => uuidV5(`${generation_id}/${type}`, ID_NAMESPACES.document);

/** The document of the slot: the one that holds it, or `candidate` once it has taken it. */
export async function documentForSlot(commands: CommandHandler, slot: string, candidate: string, context: CommandContext): Promise<string> {
  const isLive = async (holder: string) => (await commands.load(documentAggregate.decider, streamName('document', holder))).state.status === 'active';
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await takeClaim(commands.store, slot, candidate, isLive, context)) return candidate;
    const { owner } = await readClaim(commands.store, slot);
    if (owner) return owner;
  }
  throw new Error(`document slot ${slot} changed hands three times in a row`);
}

export function releaseSlot(commands: CommandHandler, slot: string, document_id: string, context: CommandContext): Promise<void> {
  return releaseClaim(commands.store, slot, document_id, context);
}
