import { jobSearchRoutes } from '../job-search/job-search-routes';
import { JobSearchQueries } from '../job-search/job-search-queries';
import { RouteSpec } from '../http/route';
import { ProfileQueries } from '../profiles/profile-queries';
import { profileSummary } from '../profiles/summary';
import { ReadStore } from '../read-store/port';
import { DomainError } from '../shared/errors';

/** The caller's profile, condensed as the generation pipeline sees it, or null when they have none. */
export function profileOfUser(readStore: ReadStore) {
  const profiles = new ProfileQueries(readStore);
  return async (user_id: string, now: string) => {
    try {
      return profileSummary(await profiles.ofUser(user_id), now);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'PROFILE.NOT_FOUND') return null;
      throw error;
    }
  };
}

/** The Job Search API's search, recommendations and trending (issue 14 item 1), reading the job-search, jobs, profiles and applications read models. */
export function jobSearchApiRoutes(deps: { readStore: ReadStore }): RouteSpec[] {
  return jobSearchRoutes({ queries: new JobSearchQueries(deps.readStore, profileOfUser(deps.readStore)) });
}
