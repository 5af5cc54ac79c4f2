import { z } from 'zod';
import { IsoTimestamp, Uuid } from '../shared/primitives';
import { defineReadModel, page, PageQuery, ProjectedFields } from '../shared/read-model';
import { JobSearchFilters, SearchCriteria } from './filters';
import { SavedSearchCreated, SavedSearchName } from './saved-searches-events';

/** Saved searches (`/api/v1/job-search/save-criteria`, issue 14 item 2): commands, bodies, read model. */

/** How many saved searches one user may keep. */
export const SAVED_SEARCH_LIMIT = 50;

const now = { now: IsoTimestamp };
export const CreateSavedSearch = z.object({ type: z.literal('CreateSavedSearch'), ...now, ...SavedSearchCreated.shape.data.shape });
export const DeleteSavedSearch = z.object({ type: z.literal('DeleteSavedSearch'), ...now, search_id: Uuid, user_id: Uuid });
export const SavedSearchCommandSchema = z.discriminatedUnion('type', [CreateSavedSearch, DeleteSavedSearch]);
export type SavedSearchCommand = z.infer<typeof SavedSearchCommandSchema>;

/** POST: a name for the search, the words (as `q` of the search) and the filters of `GET /api/v1/job-search`. */
export const SavedSearchRequest = z.strictObject({ name: SavedSearchName.describe('Your name for the search'), ...SearchCriteria.shape });
export type SavedSearchRequest = z.output<typeof SavedSearchRequest>;

export const SavedSearchView = z.object({
  id: Uuid,
  name: z.string(),
  query: z.string().nullable(),
  filters: JobSearchFilters,
  created_at: IsoTimestamp,
  version: z.number().int().min(1),
});
export type SavedSearchView = z.infer<typeof SavedSearchView>;

export const SavedSearchListQuery = z.strictObject({ ...PageQuery.shape });
export type SavedSearchListQuery = z.output<typeof SavedSearchListQuery>;
export const SavedSearchPage = page(SavedSearchView);
export type SavedSearchPage = z.infer<typeof SavedSearchPage>;

/** `saved_searches_v1`: one document per live saved search. */
export const SavedSearchDocument = SavedSearchView.extend({ ...ProjectedFields, user_id: Uuid });
export type SavedSearchDocument = z.infer<typeof SavedSearchDocument>;
export const SavedSearchesReadModel = defineReadModel('saved_searches_v1', SavedSearchDocument);
