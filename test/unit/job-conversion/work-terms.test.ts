import {
  employmentTypeIn,
  experienceLevelIn,
  remotePolicyIn,
  remotePolicyInProse,
} from '../../../src/job-conversion/work-terms';
import { convertText } from '../../../src/job-conversion';

describe('remote policy', () => {
  it.each([
    ['Remote', 'remote'],
    ['Remote (US only)', 'remote'],
    ['Fully remote, work from anywhere', 'remote'],
    ['Hybrid (3 days in office)', 'hybrid'],
    ['On-site', 'onsite'],
    ['In-office, 5 days a week', 'onsite'],
    ['Not remote', 'onsite'],
    ['Yes', 'remote'],
  ])('given the value "%s", then the policy is %s', (value, policy) => {
    expect(remotePolicyIn(value)).toBe(policy);
  });

  it.each([
    ['This role is fully remote within the EU.', 'remote'],
    ['We work in a hybrid model with two office days a week.', 'hybrid'],
    ['This is an on-site role in our Leeds factory.', 'onsite'],
    ['We run a hybrid cloud on AWS and Azure.', null],
    ['Experience working with remote teams across time zones.', null],
  ])('given the sentence "%s", then the policy is %s', (sentence, policy) => {
    expect(remotePolicyInProse(sentence)).toBe(policy);
  });

  it('given a hybrid line under the title, then the posting is hybrid and no location is made of "3 days in office"', () => {
    const { job } = convertText('Office Manager\nHybrid (3 days in office)\n\nRun our London office.');

    expect(job).toMatchObject({ remote: 'hybrid', location: null });
  });

  it('given "Location: Remote (EU)", then remote is set and the region becomes the location', () => {
    expect(convertText('QA Engineer\nLocation: Remote (EU)\n\nTest our apps.').job).toMatchObject({ remote: 'remote', location: 'EU' });
  });
});

describe('employment type and experience level', () => {
  it.each([
    ['Full-time', 'full_time'],
    ['Part time', 'part_time'],
    ['Contract (6 months)', 'contract'],
    ['Freelance', 'contract'],
    ['Temporary', 'temporary'],
    ['Summer internship', 'internship'],
    ['Permanent', 'full_time'],
    ['Contracts Manager', null],
  ])('given "%s", then the employment type is %s', (value, type) => {
    expect(employmentTypeIn(value)).toBe(type);
  });

  it.each([
    ['Senior Backend Engineer', 'senior'],
    ['Sr. Product Designer', 'senior'],
    ['Staff Platform Engineer', 'lead'],
    ['Engineering Manager', 'lead'],
    ['Executive Chef', 'lead'],
    ['VP of Engineering', 'executive'],
    ['Chief Nursing Officer', 'executive'],
    ['Junior Developer', 'entry'],
    ['Software Engineering Intern', 'internship'],
    ['Account Executive', null],
    ['Data Analyst', null],
  ])('given the title "%s", then the level is %s', (title, level) => {
    expect(experienceLevelIn(title)).toBe(level);
  });
});
