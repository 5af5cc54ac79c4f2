import { SavedSearchDocument, SavedSearchesReadModel } from '../contracts/job-search/saved-searches';
import { SavedSearchEventSchemas } from '../contracts/job-search/saved-searches-events';
import { Projection } from '../contracts/shared/projection';

/** `saved_searches_v1`: one document per live saved search; a deleted one leaves a tombstone. */
export const savedSearchesProjection: Projection<SavedSearchDocument> = {
  ...SavedSearchesReadModel,
  owner: 'user_id',
  handles: SavedSearchEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1, created_at: -1 } }],
  documentId: (event) => event.stream_id.slice('savedsearch-'.length),
  evolve(_current, event) {
    if (event.type !== 'SavedSearchCreated') return null;
    const { search_id, user_id, name, query, filters } = event.data;
    return { id: search_id, user_id, name, query, filters, created_at: event.metadata.occurred_at, version: event.revision + 1 };
  },
};
