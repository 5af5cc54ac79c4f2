import { readSalary } from '../../../src/job-conversion';

describe('readSalary', () => {
  it.each([
    ['$120,000 - $150,000 per year', 120000, 150000, 'USD', 'year'],
    ['£45,000–£55,000 a year', 45000, 55000, 'GBP', 'year'],
    ['USD 45/hour', 45, 45, 'USD', 'hour'],
    ['CA$28 to CA$32 per hour', 28, 32, 'CAD', 'hour'],
    ['60.000 - 75.000 € per annum', 60000, 75000, 'EUR', 'year'],
    ['18 000 – 24 000 PLN / month', 18000, 24000, 'PLN', 'month'],
    ['$210K/yr - $260K/yr', 210000, 260000, 'USD', 'year'],
    ['CHF 110k-125k p.a.', 110000, 125000, 'CHF', 'year'],
    ['between 4,500 and 5,200 SGD monthly', 4500, 5200, 'SGD', 'month'],
    ['€4,500 gross monthly salary', 4500, 4500, 'EUR', 'month'],
    ['$18.50 an hour', 18.5, 18.5, 'USD', 'hour'],
  ])('given "%s", then the range is %d-%d %s per %s', (text, min, max, currency, period) => {
    expect(readSalary(text, false)?.salary).toEqual({ min, max, currency, period });
  });

  it('given "€60k–75k" with no period, then the k applies to both ends and yearly is assumed with a warning', () => {
    const reading = readSalary('€60k–75k', false);

    expect(reading?.salary).toEqual({ min: 60000, max: 75000, currency: 'EUR', period: 'year' });
    expect(reading?.confidence).toBeLessThan(0.7);
    expect(reading?.warnings).toEqual(['Pay period not stated; assumed per year']);
  });

  it('given a range written high-to-low, then it is swapped and a warning says so', () => {
    const reading = readSalary('$150k - $120k per year', false);

    expect(reading?.salary).toMatchObject({ min: 120000, max: 150000 });
    expect(reading?.warnings).toContain('Pay range was written high-to-low; swapped');
  });

  it.each([
    ['45-55 per hour', /has no currency/],
    ['up to $90k', /only a lower or upper bound/],
    ['$100k+', /only a lower or upper bound/],
    ['starting at $18/hour', /only a lower or upper bound/],
    ['€550 per day', /is per day/],
  ])('given a labelled "%s", then no salary is returned and the warning explains why', (text, warning) => {
    const reading = readSalary(text, true);

    expect(reading?.salary).toBeNull();
    expect(reading?.warnings[0]).toMatch(warning);
  });

  it.each([
    'Competitive salary',
    '$1,000 home office stipend',
    'Revenue grew from $2M to $5M last year',
    'Join a team of 50 engineers',
    '401(k) with 4% match',
  ])('given "%s" outside a salary label, then it is not read as pay', (text) => {
    expect(readSalary(text, false)).toBeNull();
  });
});
