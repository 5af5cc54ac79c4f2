import type { IndexedJob, TermWeights } from './indexed-job';
import type { IndexedRankableJob, Rankable } from './rankable';
import { sortedIndexOf } from './search-index';

/**
 * The job being scored, as ranking reads it (IndexedJob): the query's terms from the flat array,
 * any other term from the stored index (or the analysis).
 */
export class JobCursor implements IndexedJob, TermWeights {
  readonly weights: TermWeights = this;
  title: string[] = [];
  titleWords: string[] = [];
  body = '';
  private base = 0;
  private doc: Rankable | null = null;
  private analysed: IndexedJob | undefined;

  constructor(
    private readonly termIndex: ReadonlyMap<string, number>,
    private readonly termWeights: Float64Array,
    private readonly termCount: number,
  ) {}

  point(i: number, doc: Rankable, analysed: IndexedJob | undefined): void {
    this.base = i * this.termCount;
    this.doc = doc;
    this.analysed = analysed;
    const job = analysed ?? doc.search_index!;
    this.title = job.title;
    this.titleWords = analysed ? analysed.titleWords : doc.search_index!.title_words;
    this.body = job.body;
  }

  get(term: string): number | undefined {
    const k = this.termIndex.get(term);
    if (k !== undefined) {
      const weight = this.termWeights[this.base + k]!;
      return Number.isNaN(weight) ? undefined : weight;
    }
    if (this.analysed) return this.analysed.weights.get(term);
    const doc = this.doc as IndexedRankableJob;
    const at = sortedIndexOf(doc.search_terms, term);
    return at < 0 ? undefined : doc.search_index.weights[at];
  }
}
