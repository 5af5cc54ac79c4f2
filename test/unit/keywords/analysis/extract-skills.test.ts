import { extractSkills } from '../../../../src/keywords/analysis/extract-skills';

const skills = (text: string) => extractSkills(text).map((s) => s.skill);

describe('extractSkills: synonyms and spellings', () => {
  it.each([
    ['React, React.js, ReactJS and React JS', ['React']],
    ['JS and JavaScript', ['JavaScript']],
    ['k8s or Kubernetes', ['Kubernetes']],
    ['Postgres / PostgreSQL', ['PostgreSQL']],
    ['Golang services', ['Go']],
    ['front-end development and frontend development', ['Frontend Development']],
  ])('given "%s", when extracted, then it names %j once', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });

  it('given several spellings of one skill, when extracted, then every mention is kept with its offsets', () => {
    const text = 'k8s and Kubernetes';
    const [kubernetes] = extractSkills(text);
    expect(kubernetes.offsets.map(({ start, end }) => text.slice(start, end))).toEqual(['k8s', 'Kubernetes']);
    expect(kubernetes.category).toBe('devops');
  });
});

describe('extractSkills: multi-word skills', () => {
  it('given a multi-word skill, when extracted, then the longest match wins over its words', () => {
    expect(skills('machine learning and continuous integration')).toEqual(['Machine Learning', 'CI/CD']);
    expect(skills('React Native apps')).toEqual(['React Native']);
  });

  it('given coordinated skills sharing a noun, when extracted, then each one is named', () => {
    expect(skills('unit, integration and end-to-end testing')).toEqual(['Unit Testing', 'Integration Testing', 'End-to-End Testing']);
    expect(skills('front-end and back-end development')).toEqual(['Frontend Development', 'Backend Development']);
  });

  it('given a multi-word skill broken by a comma, when extracted, then it is not matched across the comma', () => {
    expect(skills('machine, learning')).toEqual([]);
  });
});

describe('extractSkills: no matches inside other words or names', () => {
  it.each([
    ['Our founders come from Google.', []],
    ['Our R&D group is small.', []],
    ['Strong JavaScript skills', ['JavaScript']],
    ['Present to the C-suite and C-level executives', []],
    ['Partner with our Go-to-market team', []],
    ["Let's go! Go live next week.", []],
    ['Rich in vitamin C', []],
    ['A swift response and the rest of the team', []],
  ])('given "%s", when extracted, then it names %j', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });
});

describe('extractSkills: ambiguous names in a skill context', () => {
  it.each([
    ['Go, Rust or C++', ['Go', 'Rust', 'C++']],
    ['5 years of experience in Go', ['Go']],
    ['Python or R for analysis', ['Python', 'R']],
    ['C/C++ firmware', ['C', 'C++', 'Embedded Systems']],
    ['Senior Backend Engineer (Go)', ['Go']],
    ['REST and GraphQL APIs', ['REST APIs', 'GraphQL']],
    ['Advanced Excel skills', ['Microsoft Excel']],
    ['R, Go, Swift and Python', ['R', 'Go', 'Swift', 'Python']],
    ['POS systems and basic Excel', ['Point of Sale Systems', 'Microsoft Excel']],
  ])('given "%s", when extracted, then it names %j', (text, expected) => {
    expect(skills(text)).toEqual(expected);
  });
});

describe('extractSkills: long texts', () => {
  it('given a very long list that is only a skill list at its end, when extracted, then it is fast and complete', () => {
    const started = Date.now();
    expect(extractSkills(`${'R, '.repeat(3000)}Python`).map((s) => [s.skill, s.offsets.length])).toEqual([['R', 3000], ['Python', 1]]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('extractSkills: phrases that are not skills', () => {
  it('given a team or colleagues named after a skill, when extracted, then no skill is named', () => {
    expect(skills('Join our Marketing Analytics team and our merchandising leads')).toEqual([]);
  });

  it('given an acronym in brackets after its expansion, when extracted, then it is the same skill, not another', () => {
    expect(skills('Certified Medical Assistant (CMA) preferred')).toEqual(['Certified Medical Assistant']);
  });

  it('given a group of people called leadership, when extracted, then it is not the Leadership skill', () => {
    expect(skills('Report to senior leadership')).toEqual([]);
    expect(skills('Proven leadership skills')).toEqual(['Leadership']);
  });
});
