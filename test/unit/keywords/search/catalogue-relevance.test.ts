import { loadStaticCatalogue } from '../../../../src/jobs/catalogue/catalogue';
import { queryTerms, rankJobs, searchTerms } from '../../../../src/keywords';

/**
 * Relevance on the real static catalogue, searched the way the jobs query does it: documents
 * carry `search_terms`, the read store selects those sharing a term with `queryTerms(q)`, and
 * `rankJobs` orders what it selected. Expectations are ones a careful reader of the catalogue
 * would agree with, written as catalogue ids (static-015 is the DevOps Engineer, and so on).
 */
const catalogue = loadStaticCatalogue().map(({ catalogue_id, content }) => ({ ...content, _id: catalogue_id, search_terms: searchTerms(content) }));
type Doc = (typeof catalogue)[number];

function candidates(q: string, docs: Doc[] = catalogue): Doc[] {
  const terms = new Set(queryTerms(q));
  return docs.filter((doc) => doc.search_terms.some((term) => terms.has(term)));
}

function search(q: string, docs: Doc[] = catalogue): string[] {
  return rankJobs(q, candidates(q, docs)).map((doc) => doc._id);
}

function titleOf(id: string): string {
  return catalogue.find((doc) => doc._id === id)!.title;
}

describe('job search on the static catalogue', () => {
  it('given "kubernetes", then the DevOps job comes first, then platform and SRE jobs before a nice-to-have mention', () => {
    const results = search('kubernetes');
    expect(results[0]).toBe('static-015'); // DevOps Engineer
    expect(['static-016', 'static-018']).toContain(results[1]); // Site Reliability Engineer, Platform Engineering Manager
    expect(results.slice(0, 4)).toEqual(expect.arrayContaining(['static-015', 'static-016', 'static-018']));
    expect(results[results.length - 1]).toBe('static-001'); // Backend Engineer: "Nice to have: Kubernetes (k8s)"
  });

  it('given "k8s", then the results are those of "kubernetes", in the same order', () => {
    expect(search('k8s')).toEqual(search('kubernetes'));
  });

  it('given "nurse", then only healthcare jobs, the Registered Nurse first', () => {
    const results = search('nurse');
    expect(results).toEqual(['static-040', 'static-044']); // Registered Nurse, Chief Nursing Officer
    for (const id of results) expect(catalogue.find((doc) => doc._id === id)!.industry).toBe('healthcare');
  });

  it('given "react frontend", then the React frontend job first, then the full-stack job that uses React', () => {
    expect(search('react frontend')).toEqual(['static-002', 'static-004']);
  });

  it('given "machine learning engineer", then the ML engineer first and the data science jobs near the top', () => {
    const results = search('machine learning engineer');
    expect(results[0]).toBe('static-011'); // Machine Learning Engineer, NLP
    expect(results.slice(0, 4)).toEqual(expect.arrayContaining(['static-010', 'static-014'])); // Senior Data Scientist, Data Science Intern
  });

  it('given "machine learning engineer", then "learning" or "learner" alone does not make a job relevant', () => {
    const results = search('machine learning engineer');
    expect(results).not.toContain('static-046'); // Instructional Designer: "online learning", no engineers
    expect(results).not.toContain('static-026'); // Senior Product Manager, Learner Experience
  });

  it('given "java", then the two Java jobs and no JavaScript-only job', () => {
    expect(new Set(search('java'))).toEqual(new Set(['static-003', 'static-005'])); // Software Engineering Intern, Staff Software Engineer
  });

  it('given "js" or "javascript", then the job that asks for JavaScript', () => {
    expect(search('js')).toEqual(['static-004']);
    expect(search('javascript')).toEqual(['static-004']);
  });

  it('given "go", then exactly the jobs that use the Go language, not those saying "go-to-market"', () => {
    const results = search('go');
    expect(results[0]).toBe('static-070'); // Backend Engineer (Go)
    expect(new Set(results)).toEqual(new Set(['static-070', 'static-005', 'static-016']));
    expect(results).not.toContain('static-031'); // Chief Marketing Officer: "lead go-to-market"
  });

  it('given "go developer", then the Go jobs first, the Go backend job on top', () => {
    const results = search('go developer');
    expect(results[0]).toBe('static-070');
    expect(new Set(results.slice(0, 3))).toEqual(new Set(['static-070', 'static-005', 'static-016']));
    expect(results).not.toContain('static-031');
  });

  it('given "postgres", then the jobs that ask for PostgreSQL', () => {
    expect(new Set(search('postgres'))).toEqual(new Set(['static-001', 'static-070']));
  });

  it('given "react.js", then the results of "react"', () => {
    expect(search('react.js')).toEqual(search('react'));
  });

  it('given "product manager", then the three product manager jobs first', () => {
    expect(new Set(search('product manager').slice(0, 3))).toEqual(new Set(['static-025', 'static-026', 'static-027']));
  });

  it('given "data science", then the jobs about data science and not every job with "data" and "science" in it', () => {
    expect(search('data science')).toEqual(['static-014', 'static-010']); // Data Science Intern, Senior Data Scientist
  });

  it('given "designer", then jobs titled Designer come first', () => {
    const top = search('designer').slice(0, 4);
    for (const id of top) expect([id, titleOf(id)]).toEqual([id, expect.stringContaining('Designer')]);
  });

  it('given only stop words, then nothing', () => {
    expect(queryTerms('the and of')).toEqual([]);
    expect(search('the and of')).toEqual([]);
  });

  it('given the same query twice or the candidates in another order, then the same ranking', () => {
    for (const q of ['engineer', 'machine learning engineer', 'sales manager', 'data']) {
      const first = search(q);
      expect(search(q)).toEqual(first);
      expect(rankJobs(q, [...candidates(q)].reverse()).map((doc) => doc._id)).toEqual(first);
    }
  });

  it('given any query, then ranking the whole catalogue returns the same jobs as ranking the read-store candidates', () => {
    for (const q of ['kubernetes', 'go developer', 'machine learning engineer', 'front-end developer', 'data science', 'IT support']) {
      const fromCandidates = search(q);
      expect([q, new Set(rankJobs(q, catalogue).map((doc) => doc._id))]).toEqual([q, new Set(fromCandidates)]);
    }
  });
});
