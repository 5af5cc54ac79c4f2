import { queryTerms, rankJobs, searchTerms } from '../../../../src/keywords';
import type { RankableJob } from '../../../../src/keywords';

type Posting = RankableJob & { _id: string };

const FILLER =
  'We are a small, friendly company that builds software for independent shops. You will join a team of six, ' +
  'work closely with customers and ship improvements every week. We offer flexible hours and a learning budget.';

/** A realistic posting; only the fields a test cares about are given. Ids are unique per test file. */
function posting(_id: string, fields: Partial<RankableJob> = {}): Posting {
  return { _id: `rank-${_id}`, title: 'Developer', company: 'Acme', description: FILLER, requirements: ['Good communication'], responsibilities: [], ...fields };
}

function ids(docs: Posting[]): string[] {
  return docs.map((doc) => doc._id.replace('rank-', ''));
}

describe('rankJobs: relevance', () => {
  it('given a job titled with the query and one that mentions a word of it in passing, then the title wins and an unrelated "learning" is no match', () => {
    const docs = [
      posting('mentions', { title: 'Instructional Designer', description: `${FILLER} Design learning paths for new engineers.` }),
      posting('unrelated', { title: 'Data Analyst' }),
      posting('titled', { title: 'Machine Learning Engineer' }),
    ];
    expect(ids(rankJobs('machine learning engineer', docs))).toEqual(['titled', 'mentions']);
  });

  it('given a skill of several words written side by side but not read as a skill ("Machine Learning team"), then it still matches', () => {
    const docs = [posting('team', { description: `${FILLER} Join our Machine Learning team.` }), posting('apart', { description: `${FILLER} Learning about every machine.` })];
    expect(ids(rankJobs('machine learning', docs))).toEqual(['team']);
  });

  it('given the same word in different fields, then title > requirements > company > description', () => {
    const docs = [
      posting('description', { description: `${FILLER} Our apps are written in Kotlin.` }),
      posting('company', { company: 'Kotlin Works' }),
      posting('requirements', { requirements: ['Good communication', 'Kotlin'] }),
      posting('title', { title: 'Kotlin Developer' }),
    ];
    expect(ids(rankJobs('kotlin', docs))).toEqual(['title', 'requirements', 'company', 'description']);
  });

  it('given a required and a "nice to have" mention, then the required one ranks first', () => {
    const docs = [posting('optional', { requirements: ['Good communication', 'Nice to have: Terraform'] }), posting('required', { requirements: ['Good communication', 'Terraform'] })];
    expect(ids(rankJobs('terraform', docs))).toEqual(['required', 'optional']);
  });

  it('given the query words in order in one title and out of order in another, then the exact phrase wins', () => {
    const docs = [posting('backwards', { title: 'Engineer (Data)' }), posting('ordered', { title: 'Data Engineer' })];
    expect(ids(rankJobs('data engineer', docs))).toEqual(['ordered', 'backwards']);
  });

  it('given a job with every query word and one that repeats only one of them, then the complete match wins', () => {
    const docs = [
      posting('again', { title: 'Rust Developer', requirements: ['Rust', 'Rust services', 'Rust tooling'] }),
      posting('both', { requirements: ['Rust', 'Kafka'] }),
    ];
    expect(ids(rankJobs('rust kafka', docs))).toEqual(['both', 'again']);
  });

  it('given the word as typed in one title and only its stem in another, then the exact word wins', () => {
    const docs = [posting('stem', { title: 'Chief Nursing Officer' }), posting('word', { title: 'Registered Nurse' })];
    expect(ids(rankJobs('nurse', docs))).toEqual(['word', 'stem']);
  });

  it('given a skill and its alias, then either spelling finds both jobs in the same order', () => {
    const docs = [posting('full-name', { requirements: ['Kubernetes'] }), posting('alias', { requirements: ['k8s'] })];
    const byAlias = ids(rankJobs('k8s', docs));
    expect(new Set(byAlias)).toEqual(new Set(['full-name', 'alias']));
    expect(ids(rankJobs('kubernetes', docs))).toEqual(byAlias);
  });

  it('given "front end", then a front desk is no match and a frontend role is', () => {
    const docs = [posting('desk', { title: 'Front Desk Agent', description: `${FILLER} Greet guests at the end of the day.` }), posting('web', { title: 'Frontend Developer' })];
    expect(ids(rankJobs('front end', docs))).toEqual(['web']);
  });

  it('given a company name, then its jobs are found', () => {
    const docs = [posting('other'), posting('theirs', { company: 'Quillstone' })];
    expect(ids(rankJobs('quillstone', docs))).toEqual(['theirs']);
  });
});

describe('rankJobs: edge cases', () => {
  it('given a query of stop words only, then nothing is returned', () => {
    expect(rankJobs('the and of', [posting('any', { title: 'The Developer of the Year' })])).toEqual([]);
  });

  it('given no candidates, then nothing is returned', () => {
    expect(rankJobs('kotlin', [])).toEqual([]);
  });

  it('given jobs without any query term, then they are left out', () => {
    expect(ids(rankJobs('kotlin', [posting('none'), posting('some', { title: 'Kotlin Developer' })]))).toEqual(['some']);
  });

  it('given equal scores, then jobs are ordered by id (`_id` or `id`), whatever the input order', () => {
    const same = { title: 'Kotlin Developer' };
    expect(ids(rankJobs('kotlin', [posting('c', same), posting('a', same), posting('b', same)]))).toEqual(['a', 'b', 'c']);
    const byId = ['z', 'x', 'y'].map((id) => ({ id, title: 'Kotlin Developer', company: 'Acme', description: FILLER, requirements: [] }));
    expect(rankJobs('kotlin', byId).map((doc) => doc.id)).toEqual(['x', 'y', 'z']);
  });

  it('given the same jobs in another order, then the ranking is the same', () => {
    const docs = [
      posting('1', { title: 'Kotlin Developer' }),
      posting('2', { requirements: ['Kotlin', 'Android'] }),
      posting('3', { description: `${FILLER} Kotlin.` }),
      posting('4', { title: 'Android Developer', requirements: ['Kotlin'] }),
    ];
    const ranked = ids(rankJobs('kotlin android', docs));
    expect(ids(rankJobs('kotlin android', [...docs].reverse()))).toEqual(ranked);
    expect(ids(rankJobs('kotlin android', [docs[2], docs[0], docs[3], docs[1]]))).toEqual(ranked);
  });

  it('given a job whose content changed under the same id, then it is ranked on its new content', () => {
    expect(ids(rankJobs('kotlin', [posting('changing', { title: 'Kotlin Developer' })]))).toEqual(['changing']);
    expect(ids(rankJobs('kotlin', [posting('changing', { title: 'Swift Developer' })]))).toEqual([]);
    expect(ids(rankJobs('swift', [posting('changing', { title: 'Swift Developer' })]))).toEqual(['changing']);
  });

  it('given a job whose stored search_terms match though the fields passed in do not, then it stays, after the field matches', () => {
    const leftover = { ...posting('leftover'), search_terms: searchTerms({ ...posting('x'), responsibilities: ['Write Kotlin'] }) };
    const matched = posting('matched', { description: `${FILLER} Kotlin.` });
    expect(ids(rankJobs('kotlin', [leftover, matched]))).toEqual(['matched', 'leftover']);
  });

  it('given corpus frequencies, then idf comes from the corpus instead of the candidates', () => {
    const docs = [posting('common-in-title', { title: 'Kotlin Developer' }), posting('rare-in-requirements', { requirements: ['Good communication', 'Rust'] })];
    expect(ids(rankJobs('kotlin rust', docs))[0]).toBe('common-in-title');
    const frequency = (term: string) => (queryTerms('kotlin').includes(term) ? 950 : 3);
    const corpus = { documentCount: 1000, documentFrequency: new Map(queryTerms('kotlin rust').map((term) => [term, frequency(term)])) };
    expect(ids(rankJobs('kotlin rust', docs, { corpus }))[0]).toBe('rare-in-requirements');
  });
});
