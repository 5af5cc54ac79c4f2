import { SavedSearchDocument, SavedSearchesReadModel, SavedSearchListQuery, SavedSearchPage, SavedSearchView } from '../../../contracts/job-search/saved-searches';
import { live, withoutBookkeeping } from '../../../contracts/shared/read-model';
import { ReadStore } from '../../read-store/port';
import { DomainError } from '../../shared/errors';

const notFound = () => new DomainError('SAVED_SEARCH.NOT_FOUND', 'Saved search not found');

export const toView = (doc: SavedSearchDocument): SavedSearchView => {
  const { user_id: _user, ...view } = withoutBookkeeping(doc);
  return view;
};

/** Reads of `saved_searches_v1`, scoped to the caller. */
export class SavedSearchQueries {
  constructor(private readonly store: ReadStore) {}

  private get searches() {
    return this.store.collection<SavedSearchDocument>(SavedSearchesReadModel.collection);
  }

  async owned(search_id: string, user_id: string): Promise<SavedSearchDocument> {
    const doc = await this.searches.get(search_id);
    if (!doc || doc._deleted || doc.user_id !== user_id) throw notFound();
    return doc;
  }

  async view(search_id: string, user_id: string): Promise<SavedSearchView> {
    return toView(await this.owned(search_id, user_id));
  }

  /** The caller's saved searches, newest first. */
  async list(query: SavedSearchListQuery, user_id: string): Promise<SavedSearchPage> {
    const filter = live({ user_id });
    const [docs, total] = await Promise.all([this.searches.find(filter, { sort: { created_at: -1 }, skip: query.offset, limit: query.limit }), this.searches.count(filter)]);
    return { items: docs.map(toView), total, limit: query.limit, offset: query.offset };
  }

  count(user_id: string): Promise<number> {
    return this.searches.count(live({ user_id }));
  }
}
