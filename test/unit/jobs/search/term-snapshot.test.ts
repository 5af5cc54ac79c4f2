import { JobDocument, JobsReadModel } from '../../../../contracts/jobs/read-model';
import { jobsProjection } from '../../../../projections/jobs';
import { JobQueries } from '../../../../src/jobs/job-queries';
import { CheckpointStore } from '../../../../src/read-store/checkpoints';
import { EmbeddedReadStore } from '../../../../src/read-store/embedded';
import { Doc } from '../../../../src/read-store/port';
import { created, expected, given, markChanged, other, positionOf, searchWith, user_id } from './search-fixture';

/**
 * Job search keeps a snapshot of every job's terms while the jobs projection's change marker
 * stays (src/jobs/term-snapshot.ts). One JobQueries serves every search here, as in the app: each
 * write the projector marks is in the next search's answers, and no write shows another user's
 * job.
 */
const KUBERNETES_JOB = { title: 'Kubernetes Platform Engineer', company: 'Acme', description: 'Run our Kubernetes clusters.', requirements: ['Kubernetes', 'Go'], responsibilities: [] };

/** What the projector does for one event at `position`: the document written (stamped with the position, or a tombstone), then the marker moved. */
async function write(store: EmbeddedReadStore, docs: JobDocument[], doc: JobDocument, position: number): Promise<void> {
  const written = doc._deleted ? { _id: doc._id, _applied: {}, _deleted: true } : { ...doc, _applied: {}, changed_position: positionOf(position) };
  await store.collection<JobDocument & Doc>(JobsReadModel.collection).upsert(written as JobDocument & Doc);
  const at = docs.findIndex((known) => known.id === doc.id);
  if (at >= 0) docs[at] = doc;
  else docs.push(doc);
  await markChanged(store, position);
}

function newJob(i: number, owner: string): JobDocument {
  const projected = jobsProjection.evolve(null, created(i, owner, { ...KUBERNETES_JOB, expires_date: null }))!;
  return { ...projected, _id: projected.id } as JobDocument;
}

const answer = async (queries: JobQueries, q: string, caller = user_id) => {
  const page = await searchWith(queries, q, 0, 20, caller);
  return { ids: page.items.map((job) => job.id), total: page.total };
};
const want = (q: string, docs: JobDocument[], caller = user_id) => {
  const { ids, total } = expected(q, docs, 0, 20, caller);
  return { ids, total };
};

describe('job search over the snapshot of terms', () => {
  it('given searches between writes, when the projector marks each write, then every search answers as ranking the jobs as they are now', async () => {
    const { store, docs } = await given(true);
    const queries = new JobQueries(store);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));

    const added = newJob(1000, user_id);
    await write(store, docs, added, 1000);
    expect((await answer(queries, 'kubernetes')).ids).toContain(added.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));

    const closed = docs.find((doc) => doc.user_id === user_id && doc.search_terms.includes('skill:kubernetes') && doc.id !== added.id)!;
    await write(store, docs, { ...closed, status: 'archived' }, 1001);
    expect((await answer(queries, 'kubernetes')).ids).not.toContain(closed.id);
    await write(store, docs, { ...added, _deleted: true } as JobDocument, 1002);
    expect((await answer(queries, 'kubernetes')).ids).not.toContain(added.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));

    const retitled = docs.find((doc) => doc.user_id === user_id && doc.status === 'active' && doc.expires_date === null && !doc.search_terms.includes('skill:kubernetes'))!;
    const rewritten = jobsProjection.evolve(null, created(Number.parseInt(retitled.id.slice(-12), 16), user_id, { ...KUBERNETES_JOB, expires_date: null }))!;
    await write(store, docs, { ...rewritten, _id: rewritten.id } as JobDocument, 1003);
    expect((await answer(queries, 'kubernetes')).ids).toContain(retitled.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));
  });

  it('given another user writes a job, then it is in their answers and never in the caller\'s', async () => {
    const { store, docs } = await given(true);
    const queries = new JobQueries(store);
    const theirs = newJob(2000, other);
    await write(store, docs, theirs, 2000);
    expect((await answer(queries, 'kubernetes')).ids).not.toContain(theirs.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));
    expect((await answer(queries, 'kubernetes', other)).ids).toContain(theirs.id);
    expect(await answer(queries, 'kubernetes', other)).toEqual(want('kubernetes', docs, other));
  });

  it('given a write the projector has not marked yet, then searches answer as of the marker until it moves', async () => {
    const { store } = await given(true);
    const queries = new JobQueries(store);
    const before = await answer(queries, 'kubernetes');
    const added = newJob(3000, user_id);
    await store.collection<JobDocument & Doc>(JobsReadModel.collection).upsert({ ...added, _applied: {} } as JobDocument & Doc);
    expect(await answer(queries, 'kubernetes')).toEqual(before);
    await markChanged(store, 3000);
    expect((await answer(queries, 'kubernetes')).ids).toContain(added.id);
  });

  it('given a job erased outright, or the jobs replaced by a rebuild, when the marker moves, then searches answer as ranking the jobs as they are now', async () => {
    const { store, docs } = await given(true);
    const queries = new JobQueries(store);
    const jobs = store.collection<JobDocument & Doc>(JobsReadModel.collection);
    const erased = docs.find((doc) => doc.user_id === user_id && doc.status === 'active' && doc.expires_date === null && doc.search_terms.includes('skill:kubernetes'))!;
    expect((await answer(queries, 'kubernetes')).ids).toContain(erased.id);

    await jobs.delete(erased.id); // an erasure deletes by owner: no tombstone, no stamp
    docs.splice(docs.indexOf(erased), 1);
    await markChanged(store, 4000);
    expect((await answer(queries, 'kubernetes')).ids).not.toContain(erased.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));

    // A rebuild's switch: documents replaced without new stamps, a marker that is not a position.
    const retitled = docs.find((doc) => doc.user_id === user_id && doc.status === 'active' && doc.expires_date === null && !doc.search_terms.includes('skill:kubernetes'))!;
    const rebuilt = jobsProjection.evolve(null, created(Number.parseInt(retitled.id.slice(-12), 16), user_id, { ...KUBERNETES_JOB, expires_date: null }))!;
    await jobs.upsert({ ...rebuilt, _id: rebuilt.id, _applied: {} } as JobDocument & Doc);
    docs[docs.indexOf(retitled)] = { ...rebuilt, _id: rebuilt.id } as JobDocument;
    await new CheckpointStore(store).markChanged(JobsReadModel.name, 'rebuild 1');
    expect((await answer(queries, 'kubernetes')).ids).toContain(retitled.id);
    expect(await answer(queries, 'kubernetes')).toEqual(want('kubernetes', docs));
  });
});
