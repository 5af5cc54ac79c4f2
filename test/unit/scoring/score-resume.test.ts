import { QualityReport } from '../../../contracts/generations/quality';
import { analyzeJob } from '../../../src/keywords';
import { COMPONENT_WEIGHTS, scoreResume } from '../../../src/scoring';
import {
  backendJob, backendKeywordList, dataJob, goodBackendResume, goodDataResume, item, lines, northwind, nurseResume,
  numbersIn, replaceSection, resume, section, tidewater, weakerBackendResume, withSection, without,
} from './fixtures';

const matched = (report: QualityReport, keyword: string) => report.matched_keywords.find((m) => m.keyword === keyword);
const coverageOf = (report: QualityReport, keyword: string) =>
  report.components.keyword_coverage.evidence.find((e) => e.check === keyword)?.score;

describe('scoreResume: determinism and shape', () => {
  it('given the same resume and analysis twice, when scored, then the reports are deep equal and parse as QualityReport', () => {
    const first = scoreResume(goodBackendResume, backendJob);
    const second = scoreResume(structuredClone(goodBackendResume), structuredClone(backendJob));
    expect(second).toEqual(first);
    expect(QualityReport.parse(first)).toEqual(first);
  });

  it.each([
    ['good backend', goodBackendResume, backendJob],
    ['nurse for backend', nurseResume, backendJob],
    ['skills list only', resume(lines('skills', [backendKeywordList])), backendJob],
    ['empty resume', resume(), dataJob],
  ])('given the %s resume, when scored, then every number is within 0..1, weights sum to 1 and ats is the weighted sum', (_, content, analysis) => {
    const report = scoreResume(content, analysis);
    expect(numbersIn(report).every((n) => n >= 0 && n <= 1)).toBe(true);
    const components = Object.values(report.components);
    expect(components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(components.reduce((sum, c) => sum + c.weight * (c.score ?? 0), 0)).toBeCloseTo(report.ats_score, 3);
    for (const component of components.filter((c) => c.score !== null)) {
      expect(component.evidence.reduce((sum, e) => sum + e.weight, 0)).toBeCloseTo(1, 3);
      expect(component.evidence.reduce((sum, e) => sum + e.weight * (e.score ?? 0), 0)).toBeCloseTo(component.score ?? -1, 3);
    }
  });

  it('given the documented component weights, when summed, then they make 1', () => {
    expect(Object.values(COMPONENT_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe('scoreResume: ordering', () => {
  it('given a resume that uses the job skills in its experience and one that does not, when scored for the job, then the first scores higher', () => {
    const good = scoreResume(goodBackendResume, backendJob);
    const weaker = scoreResume(weakerBackendResume, backendJob);
    expect(good.ats_score).toBeGreaterThan(weaker.ats_score + 0.2);
    expect(good.ats_score).toBeGreaterThan(0.75);
  });

  it('given two resumes and two jobs, when each is scored for each job, then each resume ranks first for its own job', () => {
    expect(scoreResume(goodBackendResume, backendJob).ats_score).toBeGreaterThan(scoreResume(goodDataResume, backendJob).ats_score);
    expect(scoreResume(goodDataResume, dataJob).ats_score).toBeGreaterThan(scoreResume(goodBackendResume, dataJob).ats_score);
  });

  it('given a tidy resume of another profession, when scored for a backend job, then it scores low and matches nothing', () => {
    const report = scoreResume(nurseResume, backendJob);
    expect(report.ats_score).toBeLessThan(0.35);
    expect(report.keyword_match_rate).toBe(0);
    expect(report.matched_keywords).toEqual([]);
    expect(report.missing_keywords.map((m) => m.keyword)).toEqual([...backendJob.required_skills, ...backendJob.preferred_skills]);
  });

  it('given one resume lacking a required skill and one lacking a preferred skill, when scored, then the missing required skill costs more', () => {
    const withLine = (text: string) => resume(section('experience', [item(northwind, '2019 – present', [
      'Built the tracking services in Python on AWS behind REST APIs.', text,
    ])]));
    const lacksRequired = scoreResume(withLine('Provisioned the staging environment with Terraform modules.'), backendJob);
    const lacksPreferred = scoreResume(withLine('Packaged every service with Docker for the staging environment.'), backendJob);
    expect(lacksRequired.missing_keywords.map((m) => m.keyword)).toContain('Docker');
    expect(lacksPreferred.missing_keywords.map((m) => m.keyword)).toContain('Terraform');
    expect(lacksPreferred.ats_score).toBeGreaterThan(lacksRequired.ats_score);
  });
});

describe('scoreResume: keyword stuffing does not pay', () => {
  const genuine = scoreResume(goodBackendResume, backendJob).ats_score;

  it.each([
    ['a header and a skills list of every job keyword', resume(
      section('header', [item('Alex Kim', null, ['alex.kim@example.com'])]),
      lines('skills', [backendKeywordList]),
    )],
    ['an unrelated resume with every job keyword in its skills list', replaceSection(nurseResume, 'skills', lines('skills', [backendKeywordList]))],
    ['an unrelated resume with one summary line repeating the job keywords', replaceSection(nurseResume, 'summary', lines('summary', [`${backendKeywordList}, ${backendKeywordList}`]))],
    ['an unrelated resume with a bullet that is a bare keyword list', replaceSection(nurseResume, 'experience', section('experience', [
      item('Charge Nurse, St. Anne Hospital', '2018-01 – present · London', ['Lead a team of twelve nurses on a 30-bed surgical ward.', backendKeywordList]),
    ]))],
  ])('given %s, when scored, then it stays below 0.6 and well below a genuine resume', (_, content) => {
    const report = scoreResume(content, backendJob);
    expect(report.ats_score).toBeLessThan(0.6);
    expect(report.ats_score).toBeLessThan(genuine - 0.25);
    expect(report.matched_keywords.every((m) => !m.in_context)).toBe(true);
  });

  it('given a keyword in an experience sentence vs only in the skills list, when scored, then the experience sentence counts more', () => {
    const listedOnly = replaceSection(goodBackendResume, 'experience', section('experience', [
      item(northwind, '2019-03 – present · Berlin', [
        'Led backend development of the shipment tracking platform in Python, serving 2 million tracking events a day with p99 latency under 80 ms.',
        'Moved 40 services from virtual machines to a managed cluster on AWS, cutting hosting costs by a third.',
        'Designed the public REST APIs used by 300 carrier partners, with versioning and contract tests.',
        'Tuned Postgres queries and indexes, halving the load on the primary database during peak season.',
        'Mentoring four engineers, two of whom now lead their own teams.',
      ]),
      goodBackendResume.sections.find((s) => s.kind === 'experience')!.items[1],
    ]));
    const inContext = scoreResume(goodBackendResume, backendJob);
    const listed = scoreResume(listedOnly, backendJob);
    expect(matched(inContext, 'Kubernetes')?.in_context).toBe(true);
    expect(matched(listed, 'Kubernetes')).toMatchObject({ in_context: false, where: [{ section: 'skills' }] });
    expect(coverageOf(inContext, 'Kubernetes')).toBe(1);
    expect(coverageOf(listed, 'Kubernetes')).toBe(0.35);
    expect(listed.ats_score).toBeLessThan(inContext.ats_score);
    expect(listed.suggestions).toContain(`Mention Kubernetes in the "${northwind}" experience (say what you did with it), not only in the skills list.`);
  });

  it('given one skill repeated far beyond the rate, when scored, then density drops and a suggestion names the count', () => {
    const repeated = Array.from({ length: 4 }, (_, i) => `Shipped Python release ${i + 1} of the tracking service, written in Python with Python tooling.`);
    const stuffed = replaceSection(goodBackendResume, 'projects', section('projects', [item('Open-source rate limiter', '2021', repeated)]));
    const clean = scoreResume(goodBackendResume, backendJob);
    const report = scoreResume(stuffed, backendJob);
    expect(clean.components.keyword_density.score).toBe(1);
    expect(report.components.keyword_density.score).toBeLessThan(0.8);
    expect(report.suggestions.some((s) => s.startsWith("Too many repetitions of 'Python' (15)"))).toBe(true);
  });

  it('given a keyword-list line in the summary, when scored, then density and format drop and a suggestion asks for a sentence', () => {
    const stuffed = replaceSection(goodBackendResume, 'summary', lines('summary', [backendKeywordList]));
    const report = scoreResume(stuffed, backendJob);
    const clean = scoreResume(goodBackendResume, backendJob);
    expect(report.components.keyword_density.score!).toBeLessThan(clean.components.keyword_density.score!);
    expect(report.components.format_compliance.score!).toBeLessThan(clean.components.format_compliance.score!);
    expect(report.suggestions.some((s) => s.startsWith('Turn the keyword list') && s.includes('in the summary'))).toBe(true);
  });
});

describe('scoreResume: synonyms', () => {
  it('given "Postgres" and "k8s" in an experience line, when scored, then PostgreSQL and Kubernetes are matched in context there', () => {
    const content = resume(section('experience', [item(northwind, '2020 – present', ['Tuned Postgres queries and moved the tracking services onto k8s.'])]));
    const report = scoreResume(content, backendJob);
    const where = [{ section: 'experience', item: northwind, line_path: 'sections[0].items[0].lines[0]' }];
    expect(matched(report, 'PostgreSQL')).toEqual({ keyword: 'PostgreSQL', requirement: 'required', weight: 0.6, in_context: true, where });
    expect(matched(report, 'Kubernetes')).toEqual({ keyword: 'Kubernetes', requirement: 'required', weight: 0.6, in_context: true, where });
    expect(report.missing_keywords.map((m) => m.keyword)).not.toContain('PostgreSQL');
  });
});

describe('scoreResume: sections', () => {
  it.each([
    ['education', 'Add an education section.'],
    ['summary', 'Add a summary section'],
    ['skills', 'Add a skills section'],
    ['experience', 'Add an experience section'],
  ] as const)('given a resume without %s, when scored, then completeness drops and a suggestion names the section', (kind, suggestion) => {
    const full = scoreResume(goodBackendResume, backendJob);
    const report = scoreResume(without(goodBackendResume, kind), backendJob);
    expect(full.components.section_completeness.score).toBe(1);
    expect(report.components.section_completeness.score).toBeLessThan(1);
    expect(report.suggestions.some((s) => s.startsWith(suggestion))).toBe(true);
  });

  it('given a header without contact details, when scored, then completeness drops and a suggestion asks for them', () => {
    const content = replaceSection(goodBackendResume, 'header', section('header', [item('Jane Doe', null, [])]));
    const report = scoreResume(content, backendJob);
    expect(report.components.section_completeness.evidence.find((e) => e.check === 'header')?.score).toBe(0.5);
    expect(report.suggestions).toContain('Add contact details (email, phone or a profile link) to the header.');
  });

  it('given an empty section and an undated experience, when scored, then format drops with suggestions naming both', () => {
    const content = withSection(replaceSection(goodBackendResume, 'experience', section('experience', [
      item(northwind, 'Berlin', ['Led backend development of the shipment tracking platform in Python for carrier partners.']),
    ])), { kind: 'certifications', heading: 'Certificates', items: [] });
    const report = scoreResume(content, backendJob);
    expect(report.components.format_compliance.score).toBeLessThan(scoreResume(goodBackendResume, backendJob).components.format_compliance.score!);
    expect(report.suggestions).toContain('Remove the empty "Certificates" section or fill it.');
    expect(report.suggestions).toContain(`Add dates (start – end, or "present") to "${northwind}".`);
  });

  it('given a line in capitals, when scored, then the no_shouting check finds it', () => {
    const content = replaceSection(goodBackendResume, 'summary', lines('summary', ['EXPERIENCED BACKEND ENGINEER WHO LOVES BUILDING RELIABLE SERVICES']));
    const check = scoreResume(content, backendJob).components.format_compliance.evidence.find((e) => e.check === 'no_shouting');
    expect(check?.score).toBeLessThan(1);
    expect(check?.line_paths).toEqual(['sections[1].items[0].lines[0]']);
  });
});

describe('scoreResume: suggestions for missing keywords', () => {
  it('given preferred skills the resume lacks, when scored, then the suggestion names the experience that shares most job keywords', () => {
    const report = scoreResume(goodBackendResume, backendJob);
    expect(report.missing_keywords.map((m) => m.keyword)).toEqual(['Terraform', 'Apache Kafka']);
    expect(report.suggestions).toContain(`Add Terraform (a preferred skill) to the "${northwind}" experience if you used it there.`);
  });

  it('given the older experience shares more job keywords, when scored, then it is the one named', () => {
    const content = resume(section('experience', [
      item(northwind, '2019 – present', ['Ran the customer support rota and wrote the on-call handbook for the whole company.']),
      item(tidewater, '2015 – 2019', ['Built Python services on AWS and shipped them with Docker to our own data centre.']),
    ]));
    expect(scoreResume(content, backendJob).suggestions).toContain(`Add Kubernetes (a required skill) to the "${tidewater}" experience if you used it there.`);
  });

  it('given no experience shares any job keyword, when scored, then the suggestion names no item', () => {
    expect(scoreResume(nurseResume, backendJob).suggestions)
      .toContain('Add Python (a required skill) to an experience or project where you used it, if you have.');
  });
});

describe('scoreResume: an analysis without skills', () => {
  const empty = analyzeJob({ title: 'Office Helper', description: 'A friendly place.', requirements: ['Be on time'] });

  it('given an analysis naming no skills, when scored, then coverage is not applicable, explained, and not counted', () => {
    expect(empty.required_skills).toEqual([]);
    const report = scoreResume(goodBackendResume, empty);
    expect(report.keyword_match_rate).toBeNull();
    expect(report.components.keyword_coverage).toMatchObject({ score: null, weight: 0, evidence: [] });
    expect(report.components.keyword_coverage.detail).toContain('names no required or preferred skills');
    const others = [report.components.keyword_density, report.components.section_completeness, report.components.format_compliance];
    expect(others.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(report.ats_score).toBeCloseTo(others.reduce((sum, c) => sum + c.weight * c.score!, 0), 3);
  });

  it('given an analysis naming no skills and an empty resume, when scored, then it scores 0, not a default', () => {
    const report = scoreResume(resume(), empty);
    expect(report.ats_score).toBe(0);
    expect(report.components.keyword_density.score).toBeNull();
  });
});
