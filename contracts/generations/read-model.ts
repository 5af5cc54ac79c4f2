import { z } from 'zod';
import { Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { Feedback } from './content';
import { StageOutput } from './events';
import { GenerationView } from './http';

/**
 * The `generations_v1` read-model document: the view, whose it is, what was asked (the estimate
 * and the regeneration's feedback), the ratings given, and `result`, every stage's output merged
 * in stage order (what /result, /analytics and /validate read).
 */
export const GenerationDocument = GenerationView.extend({
  ...ProjectedFields,
  user_id: Uuid,
  estimated_tokens: z.number().int().min(0),
  feedback: Feedback.nullable(),
  ratings: z.array(z.object({ rating: z.number().int().min(1).max(5), comments: z.string().nullable() })),
  result: StageOutput,
});
export type GenerationDocument = z.infer<typeof GenerationDocument>;
export const GenerationsReadModel = defineReadModel('generations_v1', GenerationDocument);
