import { convertText } from '../../../src/job-conversion';

/**
 * Unlabelled company names in the shapes postings use most: a split title line, an "About <Company>"
 * heading and "<Company> is hiring". Each is inferred, so it is offered below an explicit label.
 */
const BODY = '\n\nWe build scheduling software for clinics.';
const LABEL_CONFIDENCE = convertText(`Senior Frontend Engineer\nCompany: Lumen Health${BODY}`).confidence.company;

describe('convertText reads the company from a split title line', () => {
  it('given "<Title> / <Company> — <Place> (Hybrid)", then title, company, location and remote policy are read', () => {
    const { job, confidence } = convertText(`Senior Frontend Engineer / Lumen Health — Boston, MA (Hybrid)${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health', location: 'Boston, MA', remote: 'hybrid' });
    expect(confidence.company).toBeGreaterThan(0);
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it.each([
    'Senior Frontend Engineer | Lumen Health | Boston, MA',
    'Senior Frontend Engineer · Lumen Health · Boston, MA',
    'Senior Frontend Engineer – Lumen Health – Boston, MA',
    'Senior Frontend Engineer - Lumen Health - Boston, MA',
    'Senior Frontend Engineer at Lumen Health - Boston, MA',
    'Senior Frontend Engineer / Lumen Health | Boston, MA | Full-time',
  ])('given "%s", then the name between title and place is the company', (line) => {
    const { job, confidence } = convertText(`${line}${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health', location: 'Boston, MA' });
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it.each([
    ['Lumen Health — Senior Frontend Engineer', null],
    ['Lumen Health | Senior Frontend Engineer', null],
    ['Lumen Health · Senior Frontend Engineer · Boston, MA', 'Boston, MA'],
    ['Lumen Health - Senior Frontend Engineer - Remote', null],
  ])('given the company first, "%s", then the recognisable title and the company are both read', (line, location) => {
    const { job, confidence } = convertText(`${line}${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health', location });
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it('given the company first but no recognisable title after it, then nothing is split off', () => {
    const { job } = convertText(`Lumen Health — Boston, MA${BODY}`);

    expect(job.company).toBeNull();
  });
});

describe('convertText reads the company from "About <Company>"', () => {
  it('given a heading "About Lumen Health" followed by prose, then the company is Lumen Health, below a label', () => {
    const { job, confidence } = convertText(`Senior Frontend Engineer\n\nAbout Lumen Health\nLumen builds scheduling software for clinics.`);

    expect(job.company).toBe('Lumen Health');
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it.each(['About us', 'About the role', 'About the team', 'About you', 'About the Company', 'About Our Client', 'About Boston, MA', 'About Remote Work'])(
    'given the heading "%s", then no company is read from it',
    (heading) => {
      const { job, confidence } = convertText(`Senior Frontend Engineer\n\n${heading}\nWe build scheduling software for clinics.`);

      expect(job.company).toBeNull();
      expect(confidence.company).toBe(0);
    },
  );
});

describe('convertText reads the company from "<Company> is hiring"', () => {
  it('given "Lumen Health is hiring" on line 1 and the title on line 2, then both are read', () => {
    const { job, confidence } = convertText(`Lumen Health is hiring\nSenior Frontend Engineer${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health' });
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it('given "Lumen Health is hiring!" below the title and a meta line, then the company is read', () => {
    const { job, confidence } = convertText(`Senior Frontend Engineer\nBoston, MA\nLumen Health is hiring!${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health', location: 'Boston, MA' });
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it('given "Lumen Health is hiring a Senior Frontend Engineer" on line 1, then company and title are read from it', () => {
    const { job, confidence } = convertText(`Lumen Health is hiring a Senior Frontend Engineer${BODY}`);

    expect(job).toMatchObject({ title: 'Senior Frontend Engineer', company: 'Lumen Health' });
    expect(confidence.company).toBeLessThan(LABEL_CONFIDENCE);
  });

  it('given that sentence deep in the text, then the company is read from it', () => {
    const { job } = convertText(`Senior Frontend Engineer\n\nWe build scheduling software.\nLumen Health is hiring a Senior Frontend Engineer to lead our web app.`);

    expect(job.company).toBe('Lumen Health');
  });

  it('given "Our Engineering Team is hiring", then no company is read from the pronoun phrase', () => {
    expect(convertText('Our Engineering Team is hiring a Backend Developer.\nWe build robots.').job.company).toBeNull();
  });
});

describe('an explicit "Company:" label outranks every inferred company', () => {
  it.each([
    'Senior Frontend Engineer / Lumen Health — Boston, MA (Hybrid)\nCompany: Lumen Health Inc.',
    'Lumen Health — Senior Frontend Engineer\nCompany: Lumen Health Inc.',
    'Lumen Health is hiring a Senior Frontend Engineer\nCompany: Lumen Health Inc.',
    'Senior Frontend Engineer\nCompany: Lumen Health Inc.\n\nAbout Lumen Health\nWe build scheduling software.',
  ])('given both in "%s", then the label wins with its confidence', (text) => {
    const { job, confidence } = convertText(`${text}${BODY}`);

    expect(job.company).toBe('Lumen Health Inc.');
    expect(confidence.company).toBe(LABEL_CONFIDENCE);
  });
});

describe('convertText never invents a company from a split title line', () => {
  it.each([
    ['Senior Frontend Engineer / Remote', { title: 'Senior Frontend Engineer', remote: 'remote' }],
    ['Backend Engineer / Python', {}],
    ['Data Analyst / Boston, MA', { title: 'Data Analyst', location: 'Boston, MA' }],
    ['Nurse / Night Shift', {}],
    ['Senior Frontend Engineer / Lumen Health', {}],
    ['Backend Engineer / Python / Remote', {}],
    ['Registered Nurse / Night Shift / Boston, MA', {}],
    ['Software Engineer - Backend - Remote', {}],
    ['Account Executive | Sales Team | London, UK', {}],
    ['Frontend / Backend Engineer - Berlin, Germany', {}],
    ['Remote — Senior Frontend Engineer', {}],
    ['Boston, MA — Data Analyst', {}],
    ['Engineering — Senior Frontend Engineer', {}],
    ['Senior Frontend Engineer — Full-time — Boston, MA', {}],
    ['Senior Frontend Engineer / Developer / Boston, MA', {}],
    ['Nurse Practitioner - Cardiology - Boston, MA', {}],
    ['Senior Engineer - Payments - Berlin, Germany', {}],
    ['Registered Nurse - ICU - Boston, MA', {}],
    ['Store Manager - Store #123 - Austin, TX', {}],
    ['Line Cook - Downtown - Chicago, IL', {}],
    ['Teacher - Grade 3 - Denver, CO', {}],
    ['Senior Engineer - London - Hybrid', { title: 'Senior Engineer', location: 'London', remote: 'hybrid' }],
    ['London — Senior Software Engineer', {}],
    ['Job Opening — Registered Nurse', {}],
    ['Warehouse / Forklift Operator', {}],
  ])('given "%s", then company is null with confidence 0', (line, expected) => {
    const { job, confidence } = convertText(`${line}${BODY}`);

    expect(job).toMatchObject({ company: null, ...expected });
    expect(confidence.company).toBe(0);
  });

  it('given any of the recognised shapes, then the company is text that appears in the posting', () => {
    const texts = [
      'Senior Frontend Engineer / Lumen Health — Boston, MA (Hybrid)',
      'Lumen Health, Inc. — Senior Frontend Engineer',
      'Senior Frontend Engineer | Lumen Health (Remote) | Boston, MA',
      'Senior Frontend Engineer\n\nAbout Lumen Health:\nWe build.',
      'Lumen Health is now hiring: a Senior Frontend Engineer!',
    ];
    for (const text of texts) {
      const { job } = convertText(`${text}${BODY}`);
      expect(job.company).not.toBeNull();
      expect(text).toContain(job.company);
    }
  });
});
