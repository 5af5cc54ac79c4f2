import { DocumentDocument } from '../../contracts/documents/read-model';
import { WriteOutcome } from '../http/after-write';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { FileStore } from '../storage/port';
import { documentAggregate } from './document-aggregate';
import { releaseSlot, slotOf } from './document-slots';

/**
 * Deleting (by the owner) or expiring (by retention) a document: the event first (from then on
 * the read model drops it and its links stop working), then its files, then its job slot, so
 * the next generation for the job starts a new document. Each step is safe to repeat.
 */
export async function removeDocument(
  deps: { commands: CommandHandler; files: FileStore },
  doc: Pick<DocumentDocument, 'id' | 'user_id' | 'job_id' | 'type'>,
  how: 'DeleteDocument' | 'ExpireDocument',
  context: CommandContext,
): Promise<WriteOutcome & { removed: boolean }> {
  const request =
    how === 'DeleteDocument'
      ? ({ type: how, document_id: doc.id, now: context.now, user_id: doc.user_id } as const)
      : ({ type: how, document_id: doc.id, now: context.now } as const);
  const result = await deps.commands.handle(documentAggregate, request, context);
  const outcome = { position: result.position, version: result.version };
  if (result.state.status !== 'gone') return { ...outcome, removed: false };
  await deps.files.deleteAll({ user_id: doc.user_id, document_type: doc.type, document_id: doc.id });
  await releaseSlot(deps.commands, slotOf(doc.user_id, doc.job_id, doc.type), doc.id, context);
  return { ...outcome, removed: true };
}
