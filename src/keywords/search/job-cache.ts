import { indexJob, IndexedJob } from './indexed-job';
import type { SearchableJob } from './job-terms';

/**
 * Analysing a posting (tokens, stems, skills) takes a fraction of a millisecond: far too long to
 * repeat for two thousand candidates on every search. Jobs of the read model carry their analysis
 * (`search_index`, search-index.ts); a job ranked without one (an index of another version, a
 * posting given directly) is analysed here. Analyses are memoised by job id, together with the
 * content they were made from; a job whose content differs from the remembered one is analysed
 * again, so a stale analysis is never served. Jobs without an id are analysed every time. When
 * full, the oldest entry goes.
 */
export const MAX_CACHED_JOBS = 10_000;

interface Entry {
  job: Required<SearchableJob>;
  indexed: IndexedJob;
}
const cache = new Map<string, Entry>();

export function indexedJob(id: string, job: SearchableJob): IndexedJob {
  const entry = id === '' ? undefined : cache.get(id);
  if (entry !== undefined && sameContent(entry.job, job)) return entry.indexed;
  const indexed = indexJob(job);
  if (id === '') return indexed;
  if (entry === undefined && cache.size >= MAX_CACHED_JOBS) cache.delete(cache.keys().next().value!);
  cache.set(id, { job: snapshot(job), indexed });
  return indexed;
}

function snapshot(job: SearchableJob): Required<SearchableJob> {
  const { title, company, description, requirements, responsibilities = [] } = job;
  return { title, company, description, requirements: [...requirements], responsibilities: [...responsibilities] };
}

function sameContent(known: Required<SearchableJob>, job: SearchableJob): boolean {
  return (
    known.title === job.title &&
    known.company === job.company &&
    known.description === job.description &&
    sameItems(known.requirements, job.requirements) &&
    sameItems(known.responsibilities, job.responsibilities ?? [])
  );
}

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
