import { convertText } from '../../../src/job-conversion';

/** The converter must leave company, title and pay empty unless the text clearly states them. */
describe('convertText never invents a company, title or salary', () => {
  it('given a name on line 2 with no marker, then company is null with confidence 0 and a warning', () => {
    const { job, confidence, warnings } = convertText('Senior Data Engineer\nNorthwind Analytics\n\nWe build retail analytics.');

    expect(job.company).toBeNull();
    expect(confidence.company).toBe(0);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^No company name found/)]));
  });

  it('given a name on line 1 and a role on line 2, then the role is the title and the name is still not the company', () => {
    const { job } = convertText('Acme Robotics\nBackend Developer\n\nYou will build APIs for our warehouse robots.');

    expect(job.title).toBe('Backend Developer');
    expect(job.company).toBeNull();
  });

  it('given "<title> | <name>" on the first line, then the name is dropped from the title and not used as company', () => {
    const { job } = convertText('Senior Engineer | Acme Corp\n\nWe build robots.');

    expect(job).toMatchObject({ title: 'Senior Engineer', company: null });
  });

  it('given "Our team is hiring" or "We are hiring", then no company is read from the pronoun', () => {
    expect(convertText('Our team is hiring a Backend Developer.\nWe build robots.').job.company).toBeNull();
    expect(convertText('We are hiring: Backend Developer\nWe build robots.').job).toMatchObject({ title: 'Backend Developer', company: null });
  });

  it('given a placeholder such as "Company: Confidential", then company stays null', () => {
    expect(convertText('Account Manager\nCompany: Confidential\n\nSell our products.').job.company).toBeNull();
  });

  it('given a first line that is a slogan, then title is null', () => {
    const { job, confidence } = convertText('Join our growing team!\nWe build tools for teachers and we need help.');

    expect(job.title).toBeNull();
    expect(confidence.title).toBe(0);
  });

  it('given "competitive salary" and no figures, then salary_range is null with confidence 0', () => {
    const { job, confidence } = convertText('Barista\nLocation: Leeds, UK\n\nWe offer a competitive salary and free coffee.\nSalary: DOE');

    expect(job.salary_range).toBeNull();
    expect(confidence.salary_range).toBe(0);
  });

  it('given pay figures without a currency, then salary_range is null and a warning quotes the line', () => {
    const { job, warnings } = convertText('Barista\nPay: 12-14 per hour\n\nMake great coffee.');

    expect(job.salary_range).toBeNull();
    expect(warnings).toEqual(expect.arrayContaining(['Pay "12-14 per hour" has no currency; salary_range left empty']));
  });

  it('given only an upper bound ("up to $90,000"), then no range is made up from it', () => {
    const { job, warnings } = convertText('Support Engineer\nSalary: up to $90,000 per year\n\nHelp our customers.');

    expect(job.salary_range).toBeNull();
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/only a lower or upper bound/)]));
  });

  it('given money that is not pay (funding, stipends, budgets), then salary_range stays null', () => {
    const text = [
      'Product Designer',
      'We raised $40M in 2025 and serve brands with USD 20M to 200M in revenue.',
      'Benefits',
      '- $1,000 home office stipend',
      '- USD 2,000 annual learning budget',
    ].join('\n');

    expect(convertText(text).job.salary_range).toBeNull();
  });

  it('given an empty posting, then every field is empty and the result still has every key', () => {
    const { job, confidence } = convertText('   \n\n  ');

    expect(Object.values(job).every((value) => value === null || (Array.isArray(value) && value.length === 0))).toBe(true);
    expect(Object.keys(confidence).sort()).toEqual(Object.keys(job).sort());
  });
});
