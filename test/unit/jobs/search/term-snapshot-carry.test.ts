import { JobDocument } from '../../../../contracts/jobs/read-model';
import { RankedFields, TermSnapshot } from '../../../../src/jobs/term-snapshot';
import { queryTerms } from '../../../../src/keywords';
import { seededRandom } from '../../../support/seeded-random';
import { given, QUERIES } from './search-fixture';

/**
 * A snapshot made after a write takes over its predecessor's postings and title words for the
 * jobs whose ranked fields it holds unchanged (the very values), and works them out again for the
 * rest. Whatever the writes (jobs rewritten with another posting, written again unchanged,
 * deleted, added, the order kept or not), it must find what a snapshot made from nothing finds.
 */
const ALL = 'all';

async function candidatesOf(snapshot: TermSnapshot, docs: readonly RankedFields[], q: string) {
  const allowed = await snapshot.allowed(ALL, async () => docs.map((doc) => doc._id));
  const { docs: found, facts } = snapshot.candidates(queryTerms(q), allowed);
  const width = queryTerms(q).length;
  const rows = found.map((doc, row) => ({
    id: doc._id,
    weights: Array.from(facts!.termWeights.subarray(row * width, (row + 1) * width), (w) => (Number.isNaN(w) ? null : w)),
    title: q.split(' ').map((word) => facts!.titleHas(word)[row]),
  }));
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('a snapshot of terms taking over from the previous one', () => {
  it('given generated writes between snapshots, when searched, then it finds what a snapshot made from nothing finds', async () => {
    const { docs: projected } = await given();
    const ranked = (doc: JobDocument): RankedFields => ({ _id: doc.id, search_terms: doc.search_terms, search_index: doc.search_index });
    for (let seed = 1; seed <= 6; seed++) {
      const random = seededRandom(seed);
      let docs = projected.slice(0, 150).map(ranked);
      let previous = new TermSnapshot('0', docs);
      for (const q of QUERIES) await candidatesOf(previous, docs, q); // postings and title words to take over
      for (let round = 1; round <= 8; round++) {
        const next = docs.slice();
        for (let w = 0; w < 1 + Math.floor(random.next() * 6); w++) {
          const at = Math.floor(random.next() * next.length);
          const kind = random.next();
          if (kind < 0.35) next[at] = { ...ranked(random.pick(projected)), _id: next[at]!._id }; // rewritten with another posting
          else if (kind < 0.5) next[at] = { ...next[at]!, search_terms: [...next[at]!.search_terms], search_index: { ...next[at]!.search_index } }; // equal values, new objects
          else if (kind < 0.7) next.splice(at, 1); // deleted
          else next.push({ ...ranked(random.pick(projected)), _id: `new-${seed}-${round}-${w}` }); // added
        }
        if (random.next() < 0.2) next.reverse(); // a store that hands jobs out in another order
        const carried = new TermSnapshot(String(round), next, previous);
        const fresh = new TermSnapshot(String(round), next);
        for (const q of QUERIES) expect({ seed, round, q, found: await candidatesOf(carried, next, q) }).toEqual({ seed, round, q, found: await candidatesOf(fresh, next, q) });
        docs = next;
        previous = carried;
      }
    }
  });

  it('given two snapshots made from the same one, each adding another job where the other has its own, then each allows only its own jobs', async () => {
    const { docs: projected } = await given();
    const ranked = (doc: JobDocument, _id = doc.id): RankedFields => ({ _id, search_terms: doc.search_terms, search_index: doc.search_index });
    const base = projected.slice(0, 50).map((doc) => ranked(doc));
    const first = new TermSnapshot('0', base);
    const withX = [...base, ranked(projected[60]!, 'x')];
    const withY = [...base, ranked(projected[60]!, 'y')];
    const x = new TermSnapshot('1', withX, first);
    const y = new TermSnapshot('1b', withY, first); // a slower read of an older marker, as concurrent searches may make
    const q = 'engineer';
    const allowedY = await x.allowed('only y', async () => ['y']);
    expect(x.candidates(queryTerms(q), allowedY).docs).toEqual([]);
    const allowedX = await y.allowed('only x', async () => ['x']);
    expect(y.candidates(queryTerms(q), allowedX).docs).toEqual([]);
    expect(x.candidates(queryTerms(q), await x.allowed('only x', async () => ['x'])).docs.map((doc) => doc._id)).toEqual(['x']);
  });
});
