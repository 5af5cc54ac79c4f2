import { KeywordAnalysis } from '../../../../contracts/jobs/keyword-analysis';
import { analyzeJob } from '../../../../src/keywords/analysis/analyze-job';
import type { JobPosting } from '../../../../src/keywords';

const posting = (overrides: Partial<JobPosting>): JobPosting => ({
  title: 'Software Engineer',
  description: 'We build tools for small businesses.',
  requirements: [],
  ...overrides,
});

describe('analyzeJob: required vs preferred', () => {
  it('given requirements with "nice to have" and "a plus" cues, when analyzed, then those skills are preferred', () => {
    const analysis = analyzeJob(posting({
      requirements: ['Strong Python', 'Experience with Kafka is a plus', 'Nice to have: Terraform, Helm charts'],
    }));
    expect(analysis.required_skills).toEqual(['Python']);
    expect(analysis.preferred_skills).toEqual(['Apache Kafka', 'Terraform', 'Helm']);
  });

  it('given description headings, when analyzed, then skills follow the section they are listed under', () => {
    const analysis = analyzeJob(posting({
      description: 'About us\nWe love Salesforce.\n\nRequirements:\n- 3+ years of Java\n\nBonus points\n- Kotlin',
    }));
    expect(analysis.required_skills).toEqual(['Java']);
    expect(analysis.preferred_skills).toEqual(['Kotlin']);
  });

  it('given a leading cue or a bracketed cue, when analyzed, then only the words after or inside it are preferred', () => {
    const analysis = analyzeJob(posting({ requirements: ['SQL, and ideally dbt', 'Strong Python (Django a plus)'] }));
    expect(analysis.required_skills).toEqual(['SQL', 'Python']);
    expect(analysis.preferred_skills).toEqual(['dbt', 'Django']);
  });

  it('given a skill both required and preferred, when analyzed, then it is only required', () => {
    const analysis = analyzeJob(posting({ requirements: ['Docker', 'Docker Compose experience preferred'] }));
    expect(analysis.required_skills).toEqual(['Docker']);
    expect(analysis.preferred_skills).toEqual([]);
  });

  it('given a stack in the description and the same tool as a nice to have, when analyzed, then the explicit cue wins', () => {
    const analysis = analyzeJob(posting({ description: 'Our stack is Go and Terraform.', requirements: ['Go', 'Terraform is nice to have'] }));
    expect(analysis.required_skills).toEqual(['Go']);
    expect(analysis.preferred_skills).toEqual(['Terraform']);
  });

  it('given benefits, the company name or what the company sells, when analyzed, then they are not skills', () => {
    const analysis = analyzeJob(posting({
      company: 'Beacon HR',
      description: 'Beacon HR builds payroll software. Our customers love the Beacon HR app.',
      requirements: ['Excellent communication skills'],
      benefits: ['Free Python courses'],
    }));
    expect(analysis.required_skills).toEqual(['Communication']);
  });

  it('given a degree field list, when analyzed, then the fields are not skills', () => {
    const analysis = analyzeJob(posting({ requirements: ["Bachelor's degree in Finance, Accounting or Economics"] }));
    expect(analysis.required_skills).toEqual([]);
    expect(analysis.education_level).toBe('bachelor');
  });
});

describe('analyzeJob: years of experience', () => {
  it.each([
    ['5+ years of backend experience', { min: 5, max: null }],
    ['3-5 years of experience in sales', { min: 3, max: 5 }],
    ['3 to 5 yrs in finance', { min: 3, max: 5 }],
    ['At least five years of nursing experience', { min: 5, max: null }],
    ['Minimum of 2 years as an analyst', { min: 2, max: null }],
    ['Up to 2 years of experience', { min: null, max: 2 }],
  ])('given "%s", when analyzed, then years are %j', (requirement, expected) => {
    expect(analyzeJob(posting({ requirements: [requirement] })).years_of_experience).toEqual(expected);
  });

  it('given several figures, when analyzed, then the highest required minimum wins over preferred ones', () => {
    const analysis = analyzeJob(posting({ requirements: ['5+ years of software engineering, including 2+ years with Go', '8+ years preferred'] }));
    expect(analysis.years_of_experience).toEqual({ min: 5, max: null });
  });

  it('given company history in the description, when analyzed, then it is not a requirement', () => {
    const analysis = analyzeJob(posting({ description: 'Founded 12 years ago, we have grown 40% over the past 3 years.' }));
    expect(analysis.years_of_experience).toBeNull();
  });
});

describe('analyzeJob: education level', () => {
  it.each([
    ['BS/MS in Computer Science or equivalent experience', 'bachelor'],
    ["Master's degree in Statistics", 'master'],
    ['PhD in Machine Learning', 'doctorate'],
    ['Associate degree in Nursing required; BSN preferred', 'associate'],
    ['High school diploma or GED', 'high_school'],
    ['No degree required', 'none'],
    ['Proficient in MS Excel', null],
  ])('given "%s", when analyzed, then the level is %s', (requirement, expected) => {
    expect(analyzeJob(posting({ requirements: [requirement] })).education_level).toBe(expected);
  });
});

describe('analyzeJob: seniority', () => {
  it.each([
    ['Senior Backend Engineer', [], 'senior'],
    ['Staff Software Engineer', [], 'principal'],
    ['Software Engineering Intern', [], 'intern'],
    ['VP of Finance', [], 'executive'],
    ['Engineering Manager', [], 'lead'],
    ['Lead Generation Specialist', ['This is an entry-level role'], 'junior'],
    ['Backend Engineer', ['3+ years with Go'], 'mid'],
    ['Staff Nurse', [], null],
  ])('given the title "%s" and %j, when analyzed, then seniority is %s', (title, requirements, expected) => {
    expect(analyzeJob(posting({ title, requirements })).seniority).toBe(expected);
  });
});

describe('analyzeJob: priority keywords', () => {
  const analysis = analyzeJob(posting({
    title: 'Senior Go Engineer',
    description: 'Our services are written in Go and run on Kubernetes.',
    requirements: ['Experience with Go in production', 'PostgreSQL', 'Redis is a plus'],
  }));

  it('given a skill in the title, the requirements and the description, then it weighs most', () => {
    expect(analysis.priority_keywords[0]).toEqual({ keyword: 'Go', weight: 0.95, category: 'language', requirement: 'required', occurrences: 3 });
  });

  it('given the other skills, then required outweigh description-only, which outweigh preferred', () => {
    expect(analysis.priority_keywords.slice(1).map((k) => [k.keyword, k.weight])).toEqual([
      ['PostgreSQL', 0.6], ['Kubernetes', 0.4], ['Redis', 0.3],
    ]);
  });

  it('given alias spellings in the posting, then ATS keywords carry the canonical name and the spelling used', () => {
    const k8s = analyzeJob(posting({ requirements: ['k8s and Postgres'] }));
    expect(k8s.ats_keywords).toEqual(['Kubernetes', 'k8s', 'PostgreSQL', 'Postgres']);
  });

  it('given the analysis, then skills are grouped by category', () => {
    expect(analysis.skill_categories).toEqual({ language: ['Go'], database: ['PostgreSQL', 'Redis'], devops: ['Kubernetes'] });
  });
});

describe('analyzeJob: contract and determinism', () => {
  const input = posting({
    title: 'Data Scientist',
    description: 'Requirements:\n- 2-4 years with Python or R\n- SQL\nNice to have:\n- dbt',
    requirements: ["Master's degree in Statistics"],
  });

  it('given a posting, when analyzed, then the result satisfies the published schema', () => {
    expect(() => KeywordAnalysis.parse(analyzeJob(input))).not.toThrow();
  });

  it('given the same posting twice, when analyzed, then the results are identical', () => {
    expect(JSON.stringify(analyzeJob(input))).toBe(JSON.stringify(analyzeJob(structuredClone(input))));
  });
});
