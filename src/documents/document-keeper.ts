import { DocumentType } from '../../contracts/documents/events';
import { CoverLetterContent, ResumeContent, Template } from '../../contracts/generations/content';
import { IntegrationTopics } from '../../contracts/integration';
import { GenerationIntegrationEvent } from '../../contracts/integration/generations';
import { actionable } from '../bus/actionable';
import { ConsumedMessage, Consumer, MessageBus } from '../bus/port';
import { Clock } from '../shared/clock';
import { CommandContext, CommandHandler } from '../shared/command-handler';
import { Logger } from '../shared/logger';
import { documentAggregate } from './document-aggregate';
import { documentForSlot, documentIdFor, slotOf } from './document-slots';

export const DOCUMENT_KEEPER_ACTOR = 'system:document-keeper';

/** What the keeper needs to know of a completed generation (read from its stream by the composition root). */
export interface CompletedGeneration {
  generation_id: string;
  user_id: string;
  profile_id: string;
  job_id: string;
  template: Template;
  resume: ResumeContent | null;
  cover_letter: CoverLetterContent | null;
  resume_ats_score: number | null;
  cover_letter_ats_score: number | null;
  person_name: string;
  job_title: string;
  company: string;
}

export interface DocumentKeeperDeps {
  bus: MessageBus;
  commands: CommandHandler;
  /** The generation if it completed; null otherwise (or when it is gone). */
  completedGeneration(generation_id: string): Promise<CompletedGeneration | null>;
  clock: Clock;
  logger: Logger;
  retention_days: number;
  group_id?: string;
}

const LABEL: Record<DocumentType, string> = { resume: 'Resume', cover_letter: 'Cover letter' };

/** The documents a completed generation gives: a resume and/or a cover letter, each with its score. Pure. */
export function documentsOf(generation: CompletedGeneration) {
  const { resume, cover_letter } = generation;
  const title = (type: DocumentType) => [LABEL[type], [generation.job_title, generation.company].filter(Boolean).join(' at ')].filter(Boolean).join(' — ').slice(0, 200);
  return [
    ...(resume ? [{ document_type: 'resume' as const, resume, cover_letter: null, ats_score: generation.resume_ats_score, title: title('resume') }] : []),
    ...(cover_letter ? [{ document_type: 'cover_letter' as const, resume: null, cover_letter, ats_score: generation.cover_letter_ats_score, title: title('cover_letter') }] : []),
  ];
}

/**
 * Keeps what generations write as documents (issue 11): on `generation.completed` it adds a
 * version to the user's document for that job and type, or creates the document. Idempotent:
 * a redelivered message finds the version already recorded (the decider adds nothing), and the
 * first document of a slot has an id derived from the generation, the same on every delivery.
 */
export class DocumentKeeper {
  private consumer: Consumer | null = null;

  constructor(private readonly deps: DocumentKeeperDeps) {}

  async start(): Promise<void> {
    await this.deps.bus.ensureTopics([IntegrationTopics.generations]);
    this.consumer = await this.deps.bus.subscribe({
      group_id: this.deps.group_id ?? 'jobwise-document-keeper',
      topics: [IntegrationTopics.generations],
      from_beginning: true,
      handler: (message) => this.handle(message),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = null;
  }

  async handle(message: ConsumedMessage): Promise<void> {
    const event = actionable(message, GenerationIntegrationEvent);
    if (event?.event_type !== 'generation.completed') return;
    const generation = await this.deps.completedGeneration(event.data.generation_id);
    if (!generation) return;
    const context: CommandContext = { correlation_id: event.correlation_id, causation_id: event.event_id, actor: DOCUMENT_KEEPER_ACTOR, now: this.deps.clock.now().toISOString() };
    for (const document of documentsOf(generation)) {
      const { user_id, profile_id, job_id, generation_id, template, person_name, job_title, company } = generation;
      const slot = slotOf(user_id, job_id, document.document_type);
      const document_id = await documentForSlot(this.deps.commands, slot, documentIdFor(generation_id, document.document_type), context);
      const command = {
        type: 'AddGeneratedVersion',
        document_id,
        now: context.now,
        user_id,
        profile_id,
        job_id,
        generation_id,
        template,
        person_name: person_name.slice(0, 200),
        job_title: job_title.slice(0, 300),
        company: company.slice(0, 300),
        retention_days: this.deps.retention_days,
        ...document,
      } as const;
      await this.deps.commands.handle(documentAggregate, command, context);
    }
  }
}
