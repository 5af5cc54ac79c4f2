import { ResumeContent } from '../../../contracts/generations/content';
import { analyzeJob } from '../../../src/keywords';
import { writeResume } from '../../../src/writing';
import { backendJob, backendProfile, generationInput, IDS } from './fixtures';
import { allLines, experienceTitles, resolve, words } from './support';

const feedback = (overrides: Record<string, unknown>) => ({ emphasise: [], drop: [], reorder: [], tone: null, length: null, ...overrides });
const section = (resume: ResumeContent, kind: string) => resume.sections.find((s) => s.kind === kind)!;
const skillsText = (resume: ResumeContent) => section(resume, 'skills').items.flatMap((i) => i.lines.map((l) => l.text)).join('\n');

describe('writeResume', () => {
  it('given the same input twice, when written, then the resumes are identical', () => {
    expect(JSON.stringify(writeResume(generationInput()))).toBe(JSON.stringify(writeResume(generationInput())));
  });

  it('given the output, when parsed with the contract, then it is a valid ResumeContent whose word_count is the real count', () => {
    const resume = writeResume(generationInput());
    expect(ResumeContent.parse(resume)).toEqual(resume);
    expect(resume.word_count).toBe(allLines(resume).reduce((n, l) => n + words(l.text), 0));
  });

  it('given a profile, when written, then every line has sources that resolve to profile items', () => {
    const input = generationInput();
    for (const template of ['professional', 'technical', 'creative'] as const) {
      const resume = writeResume({ ...input, options: { ...input.options, template } });
      for (const line of allLines(resume)) {
        expect(line.sources.length).toBeGreaterThan(0);
        for (const source of line.sources) expect(resolve(source, input.profile)).toBeDefined();
        expect(line.sources.some((s) => s.kind === 'job')).toBe(false);
      }
    }
  });

  it('given a header, when written, then it holds the name and contact lines from personal_info', () => {
    const header = section(writeResume(generationInput()), 'header').items[0];
    expect(header.title?.text).toBe('Ada Example');
    expect(header.lines.map((l) => l.text)).toEqual(['ada@example.com', '+49 30 1234567', 'Berlin, Germany', 'https://www.linkedin.com/in/ada-example', 'https://github.com/ada-example']);
    expect(header.lines.every((l) => l.sources.every((s) => s.kind === 'personal_info'))).toBe(true);
  });

  it('given a TypeScript/Kafka job, when written, then the best-matching experience, bullet and skills come first', () => {
    const resume = writeResume(generationInput());
    expect(experienceTitles(resume)[0]).toBe('Senior Backend Engineer, Northwind Logistics');
    const northwind = section(resume, 'experience').items[0].lines.map((l) => l.text);
    expect(northwind.indexOf('Moved 14 services from VMs to Kubernetes with zero downtime'))
      .toBeLessThan(northwind.indexOf('Ran the weekly architecture review for the platform team'));
    expect(skillsText(resume).split('\n')[0]).toMatch(/^Technical: TypeScript, Node\.js, Kafka, PostgreSQL, Kubernetes, Redis, /);
  });

  it('given a Java job, when written, then the Java experience comes first', () => {
    const posting = { title: 'Java Engineer', company: 'Initech', description: 'Payments team.', requirements: ['Java', 'PostgreSQL', 'Spring Boot'], responsibilities: [] };
    const resume = writeResume(generationInput({ job: { ...backendJob(), ...posting, analysis: analyzeJob(posting) } }));
    expect(experienceTitles(resume)[0]).toBe('Software Engineer, Contoso Payments');
  });

  it('given focus areas, when written, then entries touching them move up', () => {
    const without = experienceTitles(writeResume(generationInput()));
    const withFocus = experienceTitles(writeResume(generationInput({}, { focus_areas: ['PHP', 'WordPress', 'marketing'] })));
    const fabrikam = 'Web Developer Intern, Fabrikam Studio';
    expect(withFocus.indexOf(fabrikam)).toBeLessThan(without.indexOf(fabrikam));
  });

  it('given a small max_length, when written, then the resume fits, keeps whole sentences and drops the least relevant first', () => {
    const full = writeResume(generationInput());
    const short = writeResume(generationInput({}, { max_length: 120 }));
    expect(short.word_count).toBeLessThanOrEqual(120);
    expect(short.word_count).toBe(allLines(short).reduce((n, l) => n + words(l.text), 0));
    const fullTexts = new Set(allLines(full).map((l) => l.text));
    for (const line of allLines(short)) expect(fullTexts.has(line.text)).toBe(true);
    expect(experienceTitles(short)[0]).toBe('Senior Backend Engineer, Northwind Logistics');
    expect(experienceTitles(short)).not.toContain('Web Developer Intern, Fabrikam Studio');
  });

  it('given the three templates, when written, then their section order and headings differ', () => {
    const written = (['professional', 'technical', 'creative'] as const).map((template) => writeResume(generationInput({}, { template })));
    const [professional, technical, creative] = written.map((r) => r.sections.map((s) => s.kind));
    expect(professional.slice(0, 5)).toEqual(['header', 'summary', 'experience', 'education', 'skills']);
    expect(technical[1]).toBe('skills');
    expect(technical.indexOf('projects')).toBeLessThan(technical.indexOf('education'));
    expect(creative.slice(0, 3)).toEqual(['header', 'summary', 'projects']);
    const headings = written.map((r) => r.sections.find((s) => s.kind === 'experience')!.heading);
    expect(new Set(headings).size).toBe(3);
    expect(experienceTitles(written[2])[0]).toBe('Northwind Logistics · Senior Backend Engineer');
  });

  it('given a profile summary, when written, then the summary reuses its relevant sentences only', () => {
    const summary = section(writeResume(generationInput()), 'summary').items[0].lines;
    const own = summary.filter((l) => l.sources.some((s) => s.kind === 'summary')).map((l) => l.text);
    expect(own).toContain('Backend engineer building event-driven systems in TypeScript and Kafka.');
    expect(own).not.toContain('I care about reliable payments and logistics software.');
  });

  it('given no profile summary, when written, then the summary states the latest title and the years the dates cover', () => {
    const resume = writeResume(generationInput({ profile: backendProfile({ professional_summary: null }) }));
    // 2015-06..09 (3 months) + 2016-10..2021-02 (52) + 2021-03..2026-11, the profile's updated_at (68): 123 months.
    expect(section(resume, 'summary').items[0].lines[0].text).toMatch(/^Senior Backend Engineer with 10 years of experience, skilled in TypeScript, /);
  });

  describe('feedback', () => {
    it('given drop of an entry id and a skill, when written, then both are gone', () => {
      const resume = writeResume(generationInput({ feedback: feedback({ drop: [IDS.fabrikam, 'PHP'] }) }));
      expect(experienceTitles(resume)).not.toContain('Web Developer Intern, Fabrikam Studio');
      expect(skillsText(resume)).not.toMatch(/PHP/);
    });

    it('given emphasis on a project id and a skill, when written, then they come first', () => {
      const resume = writeResume(generationInput({ feedback: feedback({ emphasise: [IDS.recipes, 'Docker'] }) }));
      expect(section(resume, 'projects').items[0].title?.text).toBe('Recipe planner');
      expect(skillsText(resume)).toMatch(/^Technical: Docker, /);
    });

    it('given a reorder, when written, then those sections follow the header in that order', () => {
      const resume = writeResume(generationInput({ feedback: feedback({ reorder: ['education', 'skills'] }) }));
      expect(resume.sections.map((s) => s.kind).slice(0, 4)).toEqual(['header', 'education', 'skills', 'summary']);
    });

    it('given a length, when written, then it overrides max_length', () => {
      const resume = writeResume(generationInput({ feedback: feedback({ length: 100 }) }, { max_length: 2000 }));
      expect(resume.word_count).toBeLessThanOrEqual(100);
    });
  });
});
