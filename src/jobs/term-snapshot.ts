import type { JobDocument } from '../../contracts/jobs/read-model';
import { CandidateFacts, isStored, SEARCH_INDEX_VERSION, sortedIndexOf } from '../keywords';

/** What ranking reads of each job: the stored index, not the posting. */
export type RankedFields = Pick<JobDocument, '_id' | 'search_terms' | 'search_index'>;

/** The jobs of the snapshot a listing's filter allows, as a mark per job, and how many. */
export interface Allowed {
  marks: Uint8Array;
  count: number;
}

/** Asks the store which of `among` (every job when undefined) a filter allows. */
export type AllowedIds = (among?: readonly string[]) => Promise<readonly string[]>;

/** A filter's answer, with the jobs written since it was asked, whose marks are asked again before it is used. */
interface KnownFilter extends Allowed {
  recheck: readonly string[];
}

interface Postings {
  slots: Int32Array;
  weights: Float64Array;
}

/** Filters remembered per snapshot: one per user and listing shape in use, each a byte per job. */
const MAX_FILTERS = 64;
/** Terms (and title words) remembered per snapshot, the least recently searched forgotten first: each holds the positions of the jobs that have it. */
const MAX_TERMS = 4096;
/** The most recently searched terms (and title words) a new snapshot takes over: moving each costs a pass over its postings. */
const MAX_TAKEN_OVER = 256;

/**
 * The ranked fields of every live job, as of one change marker of the jobs projection, with the
 * positions of the jobs holding each searched term and the jobs each filter allows, both worked
 * out when first asked for. A search then finds its candidates without asking the store to test
 * thousands of documents: it unions the query terms' positions and keeps the allowed ones.
 *
 * Nothing in it changes after it is made (but for filter answers it completes): a new marker
 * means a new snapshot, brought forward from this one by `advance` with the jobs written since
 * (see JobQueries), or made from every job. Either way it takes over the postings and title words
 * of every job whose ranked fields are the very objects this one held, and works them out again
 * only for the others; only `advance`, which knows every job written, takes filter answers over
 * too (a filter may test any field), and asks them again for the jobs written.
 */
export class TermSnapshot {
  /** Each job's position; shared with the previous snapshot when this one holds the same jobs in the same order first (see the constructor). */
  private readonly slotOf: Map<string, number>;
  private readonly postings = new Map<string, Postings>();
  /** Scratch for `candidates`: each job's row among the candidates being gathered, -1 for none (reset after each use). */
  private readonly rowOf: Int32Array;
  private readonly filters = new Map<string, KnownFilter>();
  /** 1 for a job whose stored index is of this version (see `isStored`), which ranking can read alone. */
  private readonly current: Uint8Array;
  private readonly titles = new Map<string, Uint8Array>();

  constructor(
    readonly marker: string,
    private readonly docs: readonly RankedFields[],
    previous?: TermSnapshot,
    /** Every job written since `previous` (when known: see `advance`), whose filters' marks are asked again. */
    written?: readonly string[],
  ) {
    // A store that hands out jobs in the order they were first written (the embedded one) keeps the
    // previous snapshot's jobs where they were: the table of positions is shared, and only grows.
    // `advance` does so by construction (the jobs written replace theirs in place or come after).
    const kept =
      previous !== undefined && (written !== undefined || (previous.docs.length <= docs.length && previous.docs.every((doc, slot) => docs[slot]!._id === doc._id)));
    this.slotOf = kept ? previous.slotOf : new Map();
    for (let slot = kept ? previous.docs.length : 0; slot < docs.length; slot++) this.slotOf.set(docs[slot]!._id, slot);
    this.current = new Uint8Array(docs.length);
    this.rowOf = new Int32Array(docs.length).fill(-1);
    if (previous) this.takeOver(previous, kept, written?.map((id) => this.slotOfJob(id)!));
    else docs.forEach((doc, slot) => (this.current[slot] = isStored(doc) ? 1 : 0));
    if (previous && written) this.takeOverFilters(previous, written, kept);
  }

  /** How many jobs it holds. */
  get size(): number {
    return this.docs.length;
  }

  /**
   * The next snapshot, from the jobs `written` since this one's marker (every one of them, as
   * the store has them now; none deleted: see JobQueries): they replace their predecessors or
   * are added, and the filters' marks are asked again for them only.
   */
  advance(marker: string, written: readonly RankedFields[]): TermSnapshot {
    const docs = this.docs.slice();
    for (const doc of written) {
      const slot = this.slotOfJob(doc._id);
      if (slot === undefined) docs.push(doc);
      else docs[slot] = doc;
    }
    return new TermSnapshot(marker, docs, this, written.map((doc) => doc._id));
  }

  /** The previous snapshot's filters, moved to this one's positions (the jobs `written` since to be asked again). */
  private takeOverFilters(previous: TermSnapshot, written: readonly string[], kept: boolean): void {
    for (const [key, known] of previous.filters) {
      const marks = new Uint8Array(this.docs.length);
      if (kept) marks.set(known.marks);
      else {
        previous.docs.forEach((doc, old) => {
          const slot = known.marks[old] === 1 ? this.slotOfJob(doc._id) : undefined;
          if (slot !== undefined) marks[slot] = 1;
        });
      }
      this.filters.set(key, { marks, count: 0, recheck: [...known.recheck, ...written] });
    }
  }

  /** Where job `id` is in this snapshot (a shared table may know jobs of a later one). */
  private slotOfJob(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    return slot !== undefined && slot < this.docs.length && this.docs[slot]!._id === id ? slot : undefined;
  }

  /**
   * The previous snapshot's postings, title words and stored-index flags, moved to this one's
   * positions (the same when `kept`), for the jobs whose ranked fields are the values it held;
   * the others' (`written`, the positions `advance` replaced or added, when known; else found by
   * comparing every job with its predecessor) are worked out again.
   */
  private takeOver(previous: TermSnapshot, kept: boolean, written?: readonly number[]): void {
    const moved = new Int32Array(previous.docs.length).fill(-1);
    const changed = written ? [...written] : this.changedSince(previous, kept, moved);
    if (written) {
      const replaced = new Uint8Array(this.docs.length);
      for (const slot of written) replaced[slot] = 1;
      this.current.set(previous.current);
      for (let slot = 0; slot < previous.docs.length; slot++) if (replaced[slot] === 0) moved[slot] = slot;
    }
    for (const slot of changed) this.current[slot] = isStored(this.docs[slot]!) ? 1 : 0;
    // A store that hands out copies changes every job: working the kept terms out again would cost more than waiting to be asked.
    if (changed.length > this.docs.length / 4) return;
    for (const [term, { slots, weights }] of [...previous.postings].slice(-MAX_TAKEN_OVER)) {
      const next = { slots: new Int32Array(slots.length + changed.length), weights: new Float64Array(slots.length + changed.length) };
      let length = 0;
      for (let i = 0; i < slots.length; i++) {
        const slot = moved[slots[i]!]!;
        if (slot === -1) continue;
        next.slots[length] = slot;
        next.weights[length++] = weights[i]!;
      }
      for (const slot of changed) {
        const weight = this.weightOf(slot, term);
        if (weight === undefined) continue;
        next.slots[length] = slot;
        next.weights[length++] = weight;
      }
      this.postings.set(term, { slots: next.slots.slice(0, length), weights: next.weights.slice(0, length) });
    }
    for (const [word, marks] of [...previous.titles].slice(-MAX_TAKEN_OVER)) {
      const next = new Uint8Array(this.docs.length);
      moved.forEach((slot, old) => {
        if (slot !== -1) next[slot] = marks[old]!;
      });
      for (const slot of changed) next[slot] = this.titleHas(slot, word);
      this.titles.set(word, next);
    }
  }

  /** The positions of the jobs whose ranked fields are not the very objects `previous` held; the others' old positions map to their new ones in `moved`. */
  private changedSince(previous: TermSnapshot, kept: boolean, moved: Int32Array): number[] {
    const changed: number[] = [];
    this.docs.forEach((doc, slot) => {
      const before = kept ? (slot < previous.docs.length ? slot : undefined) : previous.slotOfJob(doc._id);
      const old = before === undefined ? undefined : previous.docs[before]!;
      if (old && old.search_terms === doc.search_terms && old.search_index === doc.search_index) {
        moved[before!] = slot;
        this.current[slot] = previous.current[before!]!;
      } else changed.push(slot);
    });
    return changed;
  }

  /**
   * The jobs `filter` allows, from the remembered answer for the same filter (its marks for jobs
   * written since asked again) or from the store's answer (`ask`; ids of jobs newer than the
   * snapshot are left out).
   */
  async allowed(filterKey: string, ask: AllowedIds): Promise<Allowed> {
    const known = this.filters.get(filterKey);
    if (known && known.recheck.length === 0) return known;
    const recheck = known ? [...new Set(known.recheck)] : undefined;
    const ids = await ask(recheck);
    const marks = known ? known.marks.slice() : new Uint8Array(this.docs.length);
    for (const id of recheck ?? []) {
      const slot = this.slotOfJob(id);
      if (slot !== undefined) marks[slot] = 0;
    }
    for (const id of ids) {
      const slot = this.slotOfJob(id);
      if (slot !== undefined) marks[slot] = 1;
    }
    let count = 0;
    for (let slot = 0; slot < marks.length; slot++) count += marks[slot]!;
    const allowed = { marks, count, recheck: [] };
    if (!known && this.filters.size >= MAX_FILTERS) this.filters.clear();
    this.filters.set(filterKey, allowed);
    return allowed;
  }

  /**
   * The allowed jobs that hold one of `terms` or more, each once, in no particular order, with
   * what ranking would otherwise read job by job (`facts`: the terms' weights, the title words),
   * unless one of them (in `outdated`) has an index of another version.
   */
  candidates(terms: readonly string[], allowed: Allowed): { docs: RankedFields[]; facts?: CandidateFacts; outdated: string[] } {
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
    return { docs: found.map((slot) => this.docs[slot]!), facts: outdated.length === 0 ? facts : undefined, outdated };
  }

  /** 1 for each job whose stored title words hold `word`, found once per snapshot. */
  private titleMarks(word: string): Uint8Array {
    const known = recall(this.titles, word);
    if (known) return known;
    const marks = new Uint8Array(this.docs.length);
    for (let slot = 0; slot < this.docs.length; slot++) marks[slot] = this.titleHas(slot, word);
    remember(this.titles, word, marks);
    return marks;
  }

  private titleHas(slot: number, word: string): number {
    return this.current[slot] === 1 && this.docs[slot]!.search_index!.title_words.includes(word) ? 1 : 0;
  }

  /** The positions of the jobs whose stored terms hold `term`, and its weight in each, found once per snapshot. */
  private postingsOf(term: string): Postings {
    const known = recall(this.postings, term);
    if (known) return known;
    const slots: number[] = [];
    const weights: number[] = [];
    for (let slot = 0; slot < this.docs.length; slot++) {
      const weight = this.weightOf(slot, term);
      if (weight === undefined) continue;
      slots.push(slot);
      weights.push(weight);
    }
    const postings = { slots: Int32Array.from(slots), weights: Float64Array.from(weights) };
    remember(this.postings, term, postings);
    return postings;
  }

  /**
   * The weight of `term` in a job that has it, undefined in one that has not: by binary search in
   * terms stored by this analysis (sorted), by a scan in older ones (whose weights are not used: NaN).
   */
  private weightOf(slot: number, term: string): number | undefined {
    const { search_terms: terms, search_index: index } = this.docs[slot]!;
    if (terms === undefined) return undefined;
    if (index?.version !== SEARCH_INDEX_VERSION) return terms.includes(term) ? NaN : undefined;
    const at = sortedIndexOf(terms, term);
    return at < 0 ? undefined : (index.weights[at] ?? NaN);
  }
}

/** The value kept for `key`, now the most recently used (a Map keeps its keys in the order they were set). */
function recall<V>(kept: Map<string, V>, key: string): V | undefined {
  const value = kept.get(key);
  if (value !== undefined) {
    kept.delete(key);
    kept.set(key, value);
  }
  return value;
}

/** Keeps `value` as the most recently used, forgetting the least recently used beyond MAX_TERMS. */
function remember<V>(kept: Map<string, V>, key: string, value: V): void {
  if (kept.size >= MAX_TERMS) kept.delete(kept.keys().next().value!);
  kept.set(key, value);
}
