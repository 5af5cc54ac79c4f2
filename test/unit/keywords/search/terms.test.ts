import { queryTerms, searchTerms } from '../../../../src/keywords/search';
import { stem } from '../../../../src/keywords/search/stem';

/** A posting with only the fields search reads; `text` goes in the description. */
function job(text: string, fields: Partial<Parameters<typeof searchTerms>[0]> = {}) {
  return { title: 'Role', company: 'Acme', description: text, requirements: [], responsibilities: [], ...fields };
}

/** Whether a query would select a job in the read store: `search_terms` ∩ `queryTerms(q)`. */
function selects(q: string, text: string): boolean {
  const terms = searchTerms(job(text));
  return queryTerms(q).some((term) => terms.includes(term));
}

describe('search terms: normalisation', () => {
  it('given accented and unaccented spellings, then they have the same terms', () => {
    expect(queryTerms('Zürich')).toEqual(queryTerms('zurich'));
    expect(queryTerms('Zürich')).toEqual(['zurich']);
    expect(queryTerms('Café São Paulo')).toEqual(queryTerms('cafe sao paulo'));
    expect(selects('zurich', 'Our office is in Zürich.')).toBe(true);
  });

  it('given decomposed Unicode (a letter plus a combining mark), then it folds like the composed form', () => {
    expect(queryTerms('Zu\u0308rich')).toEqual(['zurich']);
  });

  it('given technical names, then tokens keep their symbols', () => {
    expect(queryTerms('C++')).toContain('c++');
    expect(queryTerms('C#')).toContain('c#');
    expect(queryTerms('.NET')).toContain('.net');
    expect(queryTerms('Node.js')).toContain('node.js');
    expect(queryTerms('CI/CD')).toContain('ci/cd');
  });

  it('given C++, C# and C, then none of them finds the others', () => {
    expect(selects('c++', 'Modern C# and .NET services')).toBe(false);
    expect(selects('c#', 'Embedded C++ firmware')).toBe(false);
    expect(selects('.net', 'Home network administration')).toBe(false);
    expect(selects('c++', 'Embedded C++ firmware')).toBe(true);
  });

  it('given a long slash-joined pair, then its words are separate; short pairs stay whole', () => {
    expect(queryTerms('Python/Django')).toEqual([...queryTerms('python'), ...queryTerms('django')]);
    expect(queryTerms('UI/UX')).toEqual(expect.arrayContaining(['ui/ux', 'ui', 'ux']));
  });

  it('given inflected forms, then they share a stem, in queries and postings alike', () => {
    expect(new Set(['engineer', 'engineers', 'engineering'].map(stem))).toEqual(new Set(['engin']));
    expect(new Set(['managing', 'manager', 'managed', 'management', 'manage'].map(stem))).toEqual(new Set(['manag']));
    expect(new Set(['nurse', 'nurses', 'nursing'].map(stem))).toEqual(new Set(['nurs']));
    expect(new Set(['technology', 'technologies'].map(stem)).size).toBe(1);
    expect(new Set(['planning', 'plan', 'plans', 'planned'].map(stem)).size).toBe(1);
    expect(selects('engineers', 'We are hiring an engineer')).toBe(true);
  });

  it('given British and American spellings, then they share a stem', () => {
    expect(stem('optimise')).toBe(stem('optimize'));
    expect(stem('modelling')).toBe(stem('modeling'));
    expect(stem('analyse')).toBe(stem('analyze'));
    expect(stem('labour')).toBe(stem('labor'));
    expect(stem('centre')).toBe(stem('center'));
    expect(stem('catalogue')).toBe(stem('catalog'));
    expect(stem('programme')).toBe(stem('program'));
  });

  it('given words the suffix rules would mangle, then they are left alone', () => {
    expect(stem('string')).toBe('string');
    expect(stem('spring')).toBe('spring');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('aws')).toBe('aws');
  });

  it('given stop words, numbers and lone letters, then they are not terms', () => {
    expect(queryTerms('the and of to')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('10+ years in a team')).toEqual([stem('years'), 'team']);
  });

  it('given "IT" or "US" in capitals, then it is an acronym, not the stop word', () => {
    expect(queryTerms('it')).toEqual([]);
    expect(queryTerms('IT')).toContain('it');
    expect(selects('IT support', 'Join the IT support desk')).toBe(true);
  });

  it('given a compound written as one word, two words or with a hyphen, then all find each other', () => {
    for (const q of ['frontend', 'front-end', 'front end']) {
      expect([q, selects(q, 'A front-end role')]).toEqual([q, true]);
      expect([q, selects(q, 'A frontend role')]).toEqual([q, true]);
      expect([q, selects(q, 'A front end role')]).toEqual([q, true]);
    }
  });

  it('given possessives and dotted abbreviations, then they match the plain word', () => {
    expect(queryTerms("Master's")).toEqual(queryTerms('masters'));
    expect(queryTerms('Ph.D.')).toEqual(queryTerms('PhD'));
  });
});

describe('search terms: skill synonyms from the taxonomy', () => {
  it.each([
    ['k8s', 'Experience running Kubernetes in production'],
    ['kubernetes', 'Experience running K8s in production'],
    ['js', 'Strong JavaScript skills'],
    ['postgres', 'Experience with PostgreSQL'],
    ['postgresql', 'Experience with Postgres'],
    ['react.js', 'Build interfaces in React'],
    ['react', 'Build interfaces in React.js'],
    ['golang', 'Services written in Go'],
    ['nlp', 'Natural language processing models'],
  ])('given the query %p, then a posting that says "%s" is selected', (q, text) => {
    expect(selects(q, text)).toBe(true);
  });

  it('given java, then a JavaScript-only posting is not selected', () => {
    expect(selects('java', 'Strong JavaScript and TypeScript skills')).toBe(false);
    expect(selects('java', 'Services in Java and Kotlin')).toBe(true);
  });

  it('given skill terms, then they carry a prefix no word can have', () => {
    expect(queryTerms('k8s')).toEqual(['k8s', 'skill:kubernetes']);
  });
});

describe('search terms: "go"', () => {
  it('given go in any case, then the query asks for the Go language and nothing else', () => {
    expect(queryTerms('go')).toEqual(['skill:go']);
    expect(queryTerms('Go')).toEqual(['skill:go']);
    expect(queryTerms('golang')).toContain('skill:go');
  });

  it('given "go developer", then the English word "go" is not a term', () => {
    expect(queryTerms('go developer')).toEqual(['skill:go', stem('developer')]);
  });

  it('given a posting that uses "go" as an English word, then "go" does not select it', () => {
    expect(selects('go', 'Lead our go-to-market strategy; ready to go on day one')).toBe(false);
    expect(selects('go', 'We build services in Go and Kotlin')).toBe(true);
    expect(selects('go', 'Strong Golang skills')).toBe(true);
  });

  it('given another ambiguous skill name in a query, then both the word and the skill are searched', () => {
    expect(queryTerms('chef')).toEqual(['chef', 'skill:chef']);
    expect(selects('swift', 'iOS development in Swift')).toBe(true);
    expect(selects('swift', 'A swift onboarding process')).toBe(true);
  });
});

describe('searchTerms', () => {
  it('given a posting, then terms come from every field, de-duplicated and sorted', () => {
    const terms = searchTerms({
      title: 'Backend Engineer',
      company: 'Zürich Systems',
      description: 'Engineers build the booking engine.',
      requirements: ['Kubernetes'],
      responsibilities: ['Mentor engineers'],
    });
    expect(terms).toEqual([...new Set(terms)].sort());
    expect(terms).toEqual(expect.arrayContaining(['backend', 'engin', 'zurich', 'system', 'kubernet', 'skill:kubernetes', 'mentor']));
  });

  it('given the same posting twice, then the terms are the same', () => {
    const posting = job('Senior Data Scientist: Python, SQL and machine learning for pricing models.');
    expect(searchTerms(posting)).toEqual(searchTerms({ ...posting }));
  });
});
