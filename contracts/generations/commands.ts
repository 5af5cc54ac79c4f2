import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { GenerationRequested, Stage, StageOutput } from './events';

/**
 * Commands on a generation. The routes send the user's (request, cancel, feedback, delete); the
 * process manager sends the rest, each with the integration event that caused it (`trigger`) or
 * the stage and attempt it belongs to, so that a redelivered message decides nothing twice.
 */
const command = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), generation_id: Uuid, now: IsoTimestamp, ...shape });

const Attempt = z.number().int().min(1);
const Trigger = z.string().min(1).max(100);

export const RequestGeneration = command('RequestGeneration', GenerationRequested.shape.data.omit({ generation_id: true }).shape);
export const StartStage = command('StartStage', { stage: Stage, attempt: Attempt, trigger: Trigger });
export const CompleteStage = command('CompleteStage', { stage: Stage, attempt: Attempt, duration_ms: z.number().int().min(0), output: StageOutput });
export const FailStage = command('FailStage', { stage: Stage, attempt: Attempt, reason: z.string().max(1000), retryable: z.boolean() });
export const CompleteGeneration = command('CompleteGeneration', { trigger: Trigger });
export const FailGeneration = command('FailGeneration', { stage: Stage, reason: z.string().max(1000), trigger: Trigger });
export const CancelGeneration = command('CancelGeneration', { user_id: Uuid });
export const GiveFeedback = command('GiveFeedback', { user_id: Uuid, rating: z.number().int().min(1).max(5), comments: z.string().max(2000).nullable() });
export const DeleteGeneration = command('DeleteGeneration', { user_id: Uuid });

export const GenerationCommandSchema = z.discriminatedUnion('type', [
  RequestGeneration,
  StartStage,
  CompleteStage,
  FailStage,
  CompleteGeneration,
  FailGeneration,
  CancelGeneration,
  GiveFeedback,
  DeleteGeneration,
]);
export type GenerationCommand = z.infer<typeof GenerationCommandSchema>;
