import { SavedSearchCommand } from '../../../contracts/job-search/saved-searches';
import { SavedSearchEvent } from '../../../contracts/job-search/saved-searches-events';
import { Aggregate } from '../../shared/command-handler';
import { assertNever, Decider } from '../../shared/decider';
import { DomainError } from '../../shared/errors';
import { streamName } from '../../shared/streams';

export type SavedSearchState = { status: 'none' } | { status: 'active' | 'deleted'; user_id: string };

const notFound = () => new DomainError('SAVED_SEARCH.NOT_FOUND', 'No such saved search');

/**
 * A saved search of one user's. Creating it again with the same id changes nothing (a retried
 * write); anyone else's is reported as missing, and so is a deleted one.
 */
export function decide(command: SavedSearchCommand, state: SavedSearchState): SavedSearchEvent[] {
  switch (command.type) {
    case 'CreateSavedSearch': {
      if (state.status !== 'none') {
        if (state.user_id !== command.user_id) throw notFound();
        return [];
      }
      const { type: _type, now: _now, ...data } = command;
      return [{ type: 'SavedSearchCreated', data }];
    }
    case 'DeleteSavedSearch':
      if (state.status !== 'active' || state.user_id !== command.user_id) throw notFound();
      return [{ type: 'SavedSearchDeleted', data: { search_id: command.search_id, user_id: command.user_id } }];
    default:
      return assertNever(command);
  }
}

export function evolve(_state: SavedSearchState, event: SavedSearchEvent): SavedSearchState {
  return { status: event.type === 'SavedSearchCreated' ? 'active' : 'deleted', user_id: event.data.user_id };
}

export const savedSearchDecider: Decider<SavedSearchCommand, SavedSearchEvent, SavedSearchState> = { initialState: { status: 'none' }, decide, evolve };

export const savedSearchAggregate: Aggregate<SavedSearchCommand, SavedSearchCommand, SavedSearchEvent, SavedSearchState> = {
  decider: savedSearchDecider,
  streamOf: (command) => streamName('savedsearch', command.search_id),
};
