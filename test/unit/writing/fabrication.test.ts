import type { CoverLetterContent, GenerationInput, Line, ResumeContent, SectionKind, Source } from '../../../contracts/generations/content';
import { Violation } from '../../../contracts/generations/fabrication';
import { checkFabrication, repair, writeCoverLetter, writeResume } from '../../../src/writing';
import { backendJob, backendProfile, bareProfile, generationInput, IDS, nurseJob, nurseProfile } from './fixtures';
import { profileBody } from '../../support/fixtures';
import { allLines, profileFromRequest, words } from './support';

const experience = (id = IDS.northwind): Source => ({ kind: 'experience', entry_id: id, index: null });
const line = (text: string, sources: Source[] = [experience()]): Line => ({ text, sources });

/** The writer's resume with one line added to (or one title replaced in) the first item of a section. */
function withLine(kind: SectionKind, added: Line, input = generationInput()): ResumeContent {
  const resume = writeResume(input);
  return { ...resume, sections: resume.sections.map((s) => (s.kind !== kind ? s : { ...s, items: s.items.map((item, j) => (j === 0 ? { ...item, lines: [...item.lines, added] } : item)) })) };
}
function withTitle(kind: SectionKind, title: Line, input = generationInput()): ResumeContent {
  const resume = writeResume(input);
  return { ...resume, sections: resume.sections.map((s) => (s.kind !== kind ? s : { ...s, items: s.items.map((item, j) => (j === 0 ? { ...item, title } : item)) })) };
}
const found = (violations: Violation[]) => violations.map((v) => [v.kind, v.text]);

describe('checkFabrication', () => {
  describe('on the writer\'s own output', () => {
    const cases: Array<[string, GenerationInput]> = [
      ['a backend engineer', generationInput()],
      ['a backend engineer without a summary', generationInput({ profile: backendProfile({ professional_summary: null }) })],
      ['a nurse', generationInput({ profile: nurseProfile(), job: nurseJob() })],
      ['a nurse applying to a software job', generationInput({ profile: nurseProfile(), job: backendJob() })],
      ['a bare profile', generationInput({ profile: bareProfile() })],
      ['the shared request fixture', generationInput({ profile: profileFromRequest(profileBody()) })],
      ['the shared request fixture for a nurse job', generationInput({ profile: profileFromRequest(profileBody()), job: nurseJob() })],
    ];
    it.each(cases)('given %s, when every template and tone is written, then nothing is reported', (_name, input) => {
      for (const template of ['professional', 'technical', 'creative'] as const) {
        expect(checkFabrication(writeResume({ ...input, options: { ...input.options, template } }), input)).toEqual([]);
      }
      for (const tone of ['professional', 'enthusiastic', 'conversational'] as const) {
        expect(checkFabrication(writeCoverLetter({ ...input, options: { ...input.options, tone } }), input)).toEqual([]);
      }
    });
  });

  describe('on invented facts', () => {
    const input = generationInput();
    const invented: Array<[string, ResumeContent, Array<[string, string]>]> = [
      ['a head count', withLine('experience', line('Led 12 engineers across the platform team')), [['number', '12']]],
      ['a percentage', withLine('experience', line('Cut costs by 40% in the first year')), [['percentage', '40%']]],
      ['a money amount', withLine('experience', line('Saved $2M in cloud spend')), [['amount', '$2M']]],
      ['a year', withLine('experience', line('Promoted to tech lead in 2012')), [['date', '2012']]],
      ['a month', withLine('experience', line('Took over the platform in 2021-09')), [['date', '2021-09']]],
      ['an employer in a role title', withTitle('experience', line('Senior Backend Engineer, Globex Corporation')), [['employer', 'Globex Corporation']]],
      ['an employer in a bullet', withLine('experience', line('Worked at Globex Corporation on the platform')), [['employer', 'Globex Corporation']]],
      ['a job title', withTitle('experience', line('Principal Architect, Northwind Logistics')), [['title', 'Principal Architect']]],
      ['an extra certification', withLine('certifications', line('AWS Certified Solutions Architect', [{ kind: 'certification', entry_id: null, index: 0 }])), [['certification', 'AWS Certified Solutions Architect']]],
      ['a certification named in a bullet', withLine('experience', line('Holds the AWS Certified Solutions Architect credential')), [['certification', 'AWS Certified Solutions Architect']]],
      ['a skill the profile lacks', withLine('experience', line('Wrote services in Scala')), [['skill', 'Scala']]],
      ['the target company as a role', withTitle('experience', line('Senior Backend Engineer, Acme Freight')), [['target_company_as_employer', 'Acme Freight']]],
      ['the target company in a bullet', withLine('experience', line('Ran the tracking platform at Acme Freight')), [['target_company_as_employer', 'Acme Freight']]],
      ['an institution', withTitle('education', line('M.Sc. Computer Science, Stanford University', [{ kind: 'education', entry_id: IDS.tum, index: null }])), [['institution', 'Stanford University']]],
      ['a degree', withTitle('education', line('Ph.D. Computer Science, Technical University of Munich', [{ kind: 'education', entry_id: IDS.tum, index: null }])), [['degree', 'Ph.D.']]],
      ['a dangling achievement', withLine('experience', line('Ran the weekly architecture review for the platform team', [{ kind: 'achievement', entry_id: IDS.northwind, index: 9 }])), [['unknown_source', `achievement:${IDS.northwind}:9`]]],
      ['a source to a missing entry', withLine('experience', line('Ran the weekly architecture review for the platform team', [experience('99999999-9999-4999-8999-999999999999')])), [['unknown_source', 'experience:99999999-9999-4999-8999-999999999999']]],
      ['a job source in a resume', withLine('experience', line('Ran the weekly architecture review for the platform team', [{ kind: 'job', entry_id: null, index: null }])), [['unknown_source', 'job']]],
    ];

    it.each(invented)('given %s, when checked, then it is reported with its token, line and path', (_name, resume, expected) => {
      const violations = checkFabrication(resume, input);
      expect(violations.length).toBeGreaterThan(0);
      expect(found(violations)).toEqual(expected);
      for (const v of violations) {
        expect(Violation.parse(v)).toEqual(v);
        expect(v.path).toMatch(/^sections\[\d+\]\.items\[\d+\]\.(title|meta|lines\[\d+\])$/);
      }
    });

    it.each(invented)('given %s, when repaired, then the check finds nothing and the rest of the resume stays', (_name, resume) => {
      const repaired = repair(resume, checkFabrication(resume, input), input);
      expect(checkFabrication(repaired, input)).toEqual([]);
      const kept = allLines(repaired).map((l) => l.text);
      expect(kept).toContain('Built payment services in Java and PostgreSQL.');
      expect(repaired.word_count).toBe(kept.reduce((n, t) => n + words(t), 0));
      expect(kept.length).toBeLessThan(allLines(resume).length);
    });

    it('given a violating line, when repaired, then exactly that line is removed and word_count recomputed', () => {
      const resume = withLine('experience', line('Led 12 engineers across the platform team'));
      const repaired = repair(resume, checkFabrication(resume, input), input);
      expect(allLines(repaired).map((l) => l.text)).toEqual(allLines(writeResume(input)).map((l) => l.text));
      expect(repaired.word_count).toBe(writeResume(input).word_count);
    });

    it('given a violating role title, when repaired, then the whole item goes', () => {
      const resume = withTitle('experience', line('Senior Backend Engineer, Acme Freight'));
      const repaired = repair(resume, checkFabrication(resume, input), input);
      expect(allLines(repaired).map((l) => l.text)).not.toContain('Own the shipment tracking platform: event-driven services in TypeScript on Kafka.');
    });
  });

  describe('on LLM-style free text', () => {
    const input = generationInput();
    const summaryOf = (texts: string[]): ResumeContent => ({
      template: 'professional',
      word_count: 0,
      sections: [{ kind: 'summary', heading: 'Summary', items: [{ title: null, meta: null, lines: texts.map((text) => line(text)) }] }],
    });

    it('given the profile\'s facts in other words, when checked, then nothing is reported', () => {
      const truthful = [
        'Senior Backend Engineer at Northwind Logistics since 2021, owning shipment tracking on Kafka and TypeScript.',
        'Reduced failed payouts by 35% at Contoso Payments.',
        'Backend engineer with 10+ years of experience in TypeScript, Node.js and PostgreSQL.',
        'Holds the Certified Kubernetes Administrator (CKA) certification.',
        'M.Sc. in Computer Science from the Technical University of Munich, graduated with distinction (GPA 3.7).',
        'Cut p99 latency from 900ms to 120ms.',
        'Shipped 6 landing pages for a €40,000 campaign at Fabrikam Studio.',
        'Software Engineer, Contoso Payments (Oct 2016 – Feb 2021), Munich',
      ];
      expect(checkFabrication(summaryOf(truthful), input)).toEqual([]);
    });

    it('given invented claims in other words, when checked, then each is reported', () => {
      const invented = [
        'Promoted to Staff Engineer.',
        'Graduated from Stanford University.',
        'Earned an MBA while working.',
        'Managed a $1.5 million program.',
        'Increased revenue by 25 percent.',
        'Worked at Google on search.',
        'Joined Globex in 2019.',
        'Holds the CISSP.',
        'Built services in Rust.',
        'Claims 11 years of experience.',
      ];
      expect(found(checkFabrication(summaryOf(invented), input))).toEqual([
        ['title', 'Staff Engineer'],
        ['institution', 'Stanford University'],
        ['degree', 'MBA'],
        ['amount', '$1.5 million'],
        ['percentage', '25 percent'],
        ['employer', 'Google'],
        ['employer', 'Globex'],
        ['date', '2019'],
        ['certification', 'CISSP'],
        ['skill', 'Rust'],
        ['number', '11'],
      ]);
    });
  });

  describe('on a cover letter', () => {
    const input = generationInput();
    const letter = (role: CoverLetterContent['paragraphs'][number]['role'], text: string, sources: Source[]): CoverLetterContent => {
      const written = writeCoverLetter(input);
      return { ...written, paragraphs: [...written.paragraphs.filter((p) => p.role !== 'closing' && p.role !== 'signature'), { role, lines: [{ text, sources }] }, ...written.paragraphs.filter((p) => p.role === 'closing' || p.role === 'signature')] };
    };

    it('given the job title and company in the opening, when checked, then they are allowed', () => {
      const opening = writeCoverLetter(input).paragraphs.find((p) => p.role === 'opening')!;
      expect(opening.lines[0].text).toContain('Acme Freight');
      expect(checkFabrication(writeCoverLetter(input), input)).toEqual([]);
    });

    it('given the target company as a past employer in a body, when checked, then it is reported', () => {
      const violations = checkFabrication(letter('body', 'At Acme Freight I led 12 engineers.', [experience()]), input);
      expect(found(violations)).toEqual([['target_company_as_employer', 'Acme Freight'], ['number', '12']]);
      expect(violations[0].path).toMatch(/^paragraphs\[\d+\]\.lines\[0\]$/);
    });

    it('given invented facts in a body, when repaired, then the letter checks clean and keeps its opening', () => {
      const bad = letter('body', 'As Staff Engineer at Globex Corporation I cut costs by 40% using Scala.', [experience()]);
      expect(found(checkFabrication(bad, input))).toEqual([['employer', 'Globex Corporation'], ['title', 'Staff Engineer'], ['skill', 'Scala'], ['percentage', '40%']]);
      const repaired = repair(bad, checkFabrication(bad, input), input);
      expect(checkFabrication(repaired, input)).toEqual([]);
      expect(repaired.paragraphs.map((p) => p.role)).toEqual(writeCoverLetter(input).paragraphs.map((p) => p.role));
    });
  });
});
