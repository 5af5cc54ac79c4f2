import { GenerationCommand } from '../../contracts/generations/commands';
import { GenerationEvent } from '../../contracts/generations/events';
import { Aggregate } from '../shared/command-handler';
import { streamName } from '../shared/streams';
import { generationDecider, GenerationState } from './generation-decider';

/** Generations live on `generation-<uuid>` streams; a request is the command itself. */
export const generationAggregate: Aggregate<GenerationCommand, GenerationCommand, GenerationEvent, GenerationState> = {
  decider: generationDecider,
  streamOf: (command) => streamName('generation', command.generation_id),
};
