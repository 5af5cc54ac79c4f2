import { randomUUID } from 'node:crypto';
import { AlertCandidate, alertsFor, matchesQuery, MatchableJob } from '../../../src/job-search/alerts/alert-match';
import { searchTerms } from '../../../src/keywords';

const today = '2026-11-30';
const activated_at = '2026-11-30T10:00:00.000Z';
const owner = randomUUID();
const stranger = randomUUID();

const job = (overrides: Partial<MatchableJob> = {}): MatchableJob => ({
  id: randomUUID(),
  user_id: null,
  status: 'active',
  expires_date: null,
  search_terms: searchTerms({ title: 'Platform Engineer', company: 'Quillmark', description: 'We run Kubernetes with Terraform.', requirements: [], responsibilities: [] }),
  location: 'Amsterdam, Netherlands',
  remote: 'hybrid',
  employment_type: 'full_time',
  experience_level: 'senior',
  source: 'static',
  skills: ['Kubernetes', 'Terraform'],
  salary_range: { min: 80000, max: 100000, currency: 'EUR', period: 'year' },
  posted_date: '2026-11-29',
  ...overrides,
});

const alert = (overrides: Partial<AlertCandidate> = {}): AlertCandidate => ({
  alert_id: randomUUID(),
  user_id: owner,
  frequency: 'instant',
  created_at: '2026-11-29T00:00:00.000Z',
  query: null,
  filters: {},
  ...overrides,
});

describe('matching a saved search on a job', () => {
  it('the query matches a job that has at least one of its terms (as the search ranks any term), not one with none', () => {
    const terms = { search_terms: searchTerms({ title: 'Kubernetes Platform Engineers', company: 'X', description: '', requirements: [], responsibilities: [] }) };
    expect(matchesQuery(terms, 'kubernetes haskell')).toBe(true);
    expect(matchesQuery(terms, 'haskell erlang')).toBe(false);
    expect(matchesQuery(terms, 'engineer')).toBe(true); // singular and plural are one term
    expect(matchesQuery(terms, 'the')).toBe(false); // nothing searchable: the search shows nothing either
    expect(matchesQuery(terms, null)).toBe(true);
  });

  it('uses the same normalisation as the search index (the query and the job text go through the keyword engine)', () => {
    const indexed = { search_terms: searchTerms({ title: 'Kubernetes Engineers', company: 'X', description: '', requirements: [], responsibilities: [] }) };
    expect(matchesQuery(indexed, 'KUBERNETES')).toBe(true);
    expect(matchesQuery(indexed, 'k8s')).toBe(true); // an alias of the skill
  });

  it('applies the filters of the search: a job failing one is not alerted', () => {
    const matches = (filters: AlertCandidate['filters']) => alertsFor(job(), [alert({ filters })], activated_at, today).size === 1;
    expect(matches({ remote: 'hybrid', location: 'amsterdam', salary_min: 90000, skills: ['k8s'] })).toBe(true);
    expect(matches({ remote: 'remote' })).toBe(false);
    expect(matches({ salary_min: 120000 })).toBe(false);
    expect(matches({ skills: ['Go'] })).toBe(false);
  });

  it('never tells a user about another user\'s private job; the owner and everyone for a catalogue job', () => {
    const mine = job({ user_id: owner });
    const alerts = [alert(), alert({ user_id: stranger })];
    expect([...alertsFor(mine, alerts, activated_at, today).keys()]).toEqual([owner]);
    expect([...alertsFor(job(), alerts, activated_at, today).keys()].sort()).toEqual([owner, stranger].sort());
  });

  it('ignores jobs that are not active (draft, archived, past their expiry date) and alerts created after the job became active', () => {
    expect(alertsFor(job({ status: 'draft' }), [alert()], activated_at, today).size).toBe(0);
    expect(alertsFor(job({ expires_date: '2026-11-29' }), [alert()], activated_at, today).size).toBe(0);
    expect(alertsFor(job(), [alert({ created_at: '2026-11-30T11:00:00.000Z' })], activated_at, today).size).toBe(0);
  });

  it('gives one alert per user, the fastest frequency among their matching alerts', () => {
    const weekly = alert({ frequency: 'weekly' });
    const instant = alert({ frequency: 'instant', query: 'terraform' });
    const notMatching = alert({ frequency: 'instant', query: 'haskell' });
    const chosen = alertsFor(job(), [weekly, notMatching, instant], activated_at, today);
    expect(chosen.size).toBe(1);
    expect(chosen.get(owner)).toEqual({ alert_id: instant.alert_id, frequency: 'instant' });
  });
});
