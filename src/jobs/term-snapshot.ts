import type { JobDocument } from '../../contracts/jobs/read-model';
import { CandidateFacts, isStored, SEARCH_INDEX_VERSION, sortedIndexOf } from '../keywords';

/** What ranking reads of each job: the stored index, not the posting. */
export type RankedFields = Pick<JobDocument, '_id' | 'search_terms' | 'search_index'>;

/** The jobs a listing's filter allows, as a mark per job of the snapshot, and how many the store counted. */
export interface Allowed {
  marks: Uint8Array;
  count: number;
}

interface Postings {
  slots: Int32Array;
  weights: Float64Array;
}

/** Filters remembered per snapshot: one per user and listing shape in use, each a byte per job. */
const MAX_FILTERS = 64;
/** Terms remembered per snapshot: each holds the positions of the jobs that have it. */
const MAX_TERMS = 4096;

/**
 * The ranked fields of every live job, as of one change marker of the jobs projection, with the
 * positions of the jobs holding each searched term and the jobs each filter allows, both worked
 * out when first asked for. A search then finds its candidates without asking the store to test
 * thousands of documents: it unions the query terms' positions and keeps the allowed ones.
 *
 * Nothing in it changes after it is made: a new marker means a new snapshot.
 */
export class TermSnapshot {
  private readonly slotOf = new Map<string, number>();
  private readonly postings = new Map<string, Postings>();
  /** Scratch for `candidates`: each job's row among the candidates being gathered, -1 for none (reset after each use). */
  private readonly rowOf: Int32Array;
  private readonly filters = new Map<string, Allowed>();
  /** 1 for a job whose stored index is of this version (see `isStored`), which ranking can read alone. */
  private readonly current: Uint8Array;
  private readonly titles = new Map<string, Uint8Array>();

  constructor(
    readonly marker: string,
    private readonly docs: readonly RankedFields[],
  ) {
    this.current = new Uint8Array(docs.length);
    docs.forEach((doc, slot) => {
      this.slotOf.set(doc._id, slot);
      if (isStored(doc)) this.current[slot] = 1;
    });
    this.rowOf = new Int32Array(docs.length).fill(-1);
  }

  /**
   * The jobs `filter` allows, from the remembered answer for the same filter or from `allowedIds`
   * (the store's answer; ids of jobs newer than the snapshot are left out, and counted).
   */
  async allowed(filterKey: string, allowedIds: () => Promise<readonly string[]>): Promise<Allowed> {
    const known = this.filters.get(filterKey);
    if (known) return known;
    const ids = await allowedIds();
    const marks = new Uint8Array(this.docs.length);
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) marks[slot] = 1;
    }
    const allowed = { marks, count: ids.length };
    if (this.filters.size >= MAX_FILTERS) this.filters.clear();
    this.filters.set(filterKey, allowed);
    return allowed;
  }

  /**
   * The allowed jobs that hold one of `terms` or more, each once, in no particular order, with
   * what ranking would otherwise read job by job (`facts`: the terms' weights, the title words),
   * unless one of them (in `outdated`) has an index of another version.
   */
  candidates(terms: readonly string[], allowed: Allowed): { docs: RankedFields[]; facts: CandidateFacts | null; outdated: string[] } {
    const lists = terms.map((term) => this.postingsOf(term));
    const rowOf = this.rowOf;
    const found: number[] = [];
    for (const { slots } of lists) {
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (allowed.marks[slot] === 1 && rowOf[slot] === -1) rowOf[slot] = found.push(slot) - 1;
      }
    }
    const width = terms.length;
    const weights = new Float64Array(found.length * width).fill(NaN);
    lists.forEach(({ slots, weights: termWeights }, k) => {
      for (let i = 0; i < slots.length; i++) {
        const row = rowOf[slots[i]!]!;
        if (row !== -1) weights[row * width + k] = termWeights[i]!;
      }
    });
    for (const slot of found) rowOf[slot] = -1;
    const outdated = found.filter((slot) => this.current[slot] === 0).map((slot) => this.docs[slot]!._id);
    const facts: CandidateFacts = {
      termWeights: weights,
      titleHas: (word) => {
        const marks = this.titleMarks(word);
        return Uint8Array.from(found, (slot) => marks[slot]!);
      },
    };
    return { docs: found.map((slot) => this.docs[slot]!), facts: outdated.length === 0 ? facts : null, outdated };
  }

  /** 1 for each job whose stored title words hold `word`, found once per snapshot. */
  private titleMarks(word: string): Uint8Array {
    const known = this.titles.get(word);
    if (known) return known;
    const marks = new Uint8Array(this.docs.length);
    for (let slot = 0; slot < this.docs.length; slot++) {
      if (this.current[slot] === 1 && this.docs[slot]!.search_index!.title_words.includes(word)) marks[slot] = 1;
    }
    if (this.titles.size >= MAX_TERMS) this.titles.clear();
    this.titles.set(word, marks);
    return marks;
  }

  /**
   * The positions of the jobs whose stored terms hold `term`, and its weight in each (NaN in an
   * index of another version), found once per snapshot: by binary search in terms stored by this
   * analysis (sorted), by a scan in older ones.
   */
  private postingsOf(term: string): Postings {
    const known = this.postings.get(term);
    if (known) return known;
    const slots: number[] = [];
    const weights: number[] = [];
    for (let slot = 0; slot < this.docs.length; slot++) {
      const { search_terms: terms, search_index: index } = this.docs[slot]!;
      if (terms === undefined) continue;
      if (index?.version === SEARCH_INDEX_VERSION) {
        const at = sortedIndexOf(terms, term);
        if (at < 0) continue;
        slots.push(slot);
        weights.push(index.weights[at] ?? NaN);
      } else if (terms.includes(term)) {
        slots.push(slot);
        weights.push(NaN);
      }
    }
    const postings = { slots: Int32Array.from(slots), weights: Float64Array.from(weights) };
    if (this.postings.size >= MAX_TERMS) this.postings.clear();
    this.postings.set(term, postings);
    return postings;
  }
}
