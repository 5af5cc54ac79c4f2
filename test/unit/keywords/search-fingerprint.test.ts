import { createHash } from 'node:crypto';
import { JobsReadModel } from '../../../contracts/jobs/read-model';
import { loadStaticCatalogue } from '../../../src/jobs/catalogue/catalogue';
import { queryTerms, searchFields, SEARCH_INDEX_VERSION } from '../../../src/keywords';

/**
 * The jobs projection stores what the analysis makes of each posting (`search_terms`,
 * `search_index`); read models built by an older build keep theirs until rebuilt. So a change
 * of the analysis (tokens, stemmer, stop words, taxonomy, field weights) must come with a new
 * jobs collection (`jobs_vN`, which rebuilds it) and a new SEARCH_INDEX_VERSION. This test
 * notices such a change: the fingerprint of the catalogue's stored search fields and of a few
 * query analyses is recorded here for the current versions.
 */
const RECORDED: Record<string, string> = {
  'jobs_v2/index-1': 'cc28025d43f646c2',
};

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const entry of loadStaticCatalogue()) hash.update(JSON.stringify(searchFields(entry.content)));
  for (const q of ['Senior React front-end engineer', 'machine learning', 'k8s nurse practitioner', 'Kundenberater Zürich']) hash.update(JSON.stringify(queryTerms(q)));
  return hash.digest('hex').slice(0, 16);
}

describe('stored search fields', () => {
  it('change only with a new jobs collection and index version', () => {
    const versions = `${JobsReadModel.collection}/index-${SEARCH_INDEX_VERSION}`;
    const expected = RECORDED[versions];
    const found = fingerprint();
    const advice = `the analysis changed what the jobs projection stores (fingerprint ${found}): bump the jobs collection in contracts/jobs/read-model.ts and SEARCH_INDEX_VERSION, then record the fingerprint for "${versions}" in this test`;
    expect({ versions, fingerprint: found === expected ? 'as recorded' : advice }).toEqual({ versions, fingerprint: 'as recorded' });
  });
});
