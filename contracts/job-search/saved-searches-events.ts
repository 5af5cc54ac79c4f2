import { z } from 'zod';
import { defineEvent } from '../shared/envelope';
import { requiredText, Uuid } from '../shared/primitives';
import { JobSearchFilters } from './filters';

/**
 * Events of `savedsearch-<uuid>`: a user's saved search criteria. The name and the query are
 * text the user typed (personal, encrypted with the user's key, see contracts/personal.ts); the
 * filters are enums, numbers and skills.
 */
export const SavedSearchName = requiredText(100);
export const SavedSearchQuery = requiredText(200);

export const SavedSearchCreated = defineEvent(
  'SavedSearchCreated',
  z.object({ search_id: Uuid, user_id: Uuid, name: SavedSearchName, query: SavedSearchQuery.nullable(), filters: JobSearchFilters }),
);
export const SavedSearchDeleted = defineEvent('SavedSearchDeleted', z.object({ search_id: Uuid, user_id: Uuid }));

export const SavedSearchEventSchemas = [SavedSearchCreated, SavedSearchDeleted] as const;
export const SavedSearchEventSchema = z.discriminatedUnion('type', SavedSearchEventSchemas);
export type SavedSearchEvent = z.infer<typeof SavedSearchEventSchema>;
