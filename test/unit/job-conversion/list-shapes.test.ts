import { ConversionResult } from '../../../contracts/jobs/job';
import { convertText } from '../../../src/job-conversion';

describe('convertText list shapes, names and limits', () => {
  it('given a bullet wrapped onto an indented or lower-case line, then the two lines form one item', () => {
    const text = ['QA Engineer', '', 'Responsibilities', '- Write end-to-end tests for the', '  checkout flow', '- Triage bugs', 'reported by support'].join('\n');

    expect(convertText(text).job.responsibilities).toEqual(['Write end-to-end tests for the checkout flow', 'Triage bugs reported by support']);
  });

  it('given "Skills: Python, SQL, AWS" on one line, then each skill is its own requirement', () => {
    expect(convertText('Data Analyst\n\nSkills: Python, SQL, AWS').job.requirements).toEqual(['Python', 'SQL', 'AWS']);
  });

  it('given an unbulleted list with ALL CAPS acronyms, then the acronyms stay items instead of opening sections', () => {
    const { job } = convertText('Data Analyst\n\nRequirements\nSQL\nAWS\nExperience with dashboards');

    expect(job.requirements).toEqual(['SQL', 'AWS', 'Experience with dashboards']);
  });

  it('given "<title> at <company> (Remote)", then the company stops before the decoration, which sets remote', () => {
    expect(convertText('Support Engineer at Bright Labs (Remote)\n\nHelp customers.').job).toMatchObject({
      title: 'Support Engineer',
      company: 'Bright Labs',
      remote: 'remote',
    });
  });

  it('given a company with a legal suffix or a trailing place, then the suffix stays and the place is cut', () => {
    expect(convertText('Account Manager\r\nCompany: Acme, Inc.\r\n\r\nSell things.').job.company).toBe('Acme, Inc.');
    expect(convertText('Senior Engineer at Acme Corp - Berlin, Germany\n\nBuild.').job).toMatchObject({
      company: 'Acme Corp',
      location: 'Berlin, Germany',
    });
  });

  it('given a requirement over 1,000 characters and more than 100 requirements, then the result is cut to the contract limits', () => {
    const items = [`- ${'Distributed systems '.repeat(60)}`, ...Array.from({ length: 120 }, (_, i) => `- Skill ${i}`)];
    const result = convertText(['Platform Engineer', '', 'Requirements', ...items].join('\n'));

    expect(ConversionResult.safeParse(result).success).toBe(true);
    expect(result.job.requirements).toHaveLength(100);
    expect(result.job.requirements[0]).toHaveLength(1000);
    expect(result.warnings).toContain('requirements had 121 items; kept the first 100');
  });
});
