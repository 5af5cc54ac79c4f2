import { BoardHttp } from '../../../src/job-sources/board-http';
import { greenhouseBoard } from '../../../src/job-sources/greenhouse';
import { leverBoard } from '../../../src/job-sources/lever';
import { JobBoardError } from '../../../src/job-sources/port';
import { ManualClock } from '../../../src/shared/clock';
import { JobBoardServer } from '../../support/job-board-server';

/**
 * The Greenhouse and Lever adapters against a local board serving recorded responses: mapping,
 * pagination, and the retry and circuit-breaker policy (429 with Retry-After, 5xx, timeouts,
 * the breaker opening after 5 failures). Sleeping is recorded, never waited.
 */
let server: JobBoardServer;
let base_url: string;
let clock: ManualClock;
let sleeps: number[];

beforeEach(async () => {
  server = new JobBoardServer();
  base_url = await server.start();
  clock = new ManualClock('2026-11-30T08:00:00Z');
  sleeps = [];
});
afterEach(() => server.stop());

const http = (timeout_ms = 5_000) =>
  new BoardHttp({
    timeout_ms,
    clock,
    random: () => 0.9,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
  });
const greenhouse = (client = http()) => greenhouseBoard({ board: 'acmerobotics', company: 'Acme Robotics', base_url }, client);
const lever = (client = http(), page_size = 2) => leverBoard({ board: 'acme', company: 'Acme Robotics', base_url, page_size }, client);

async function failure(promise: Promise<unknown>): Promise<JobBoardError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(JobBoardError);
  return error as JobBoardError;
}

describe('Greenhouse Job Board API', () => {
  it('maps every job of the board, HTML-escaped content as plain text with its lists, and skips one it cannot map', async () => {
    const listing = await greenhouse().list();
    expect(server.requests).toEqual(['/v1/boards/acmerobotics/jobs?content=true']);
    expect(listing.fetched).toBe(4);
    expect(listing.skipped).toBe(1);
    expect(listing.postings.map((p) => p.external_id)).toEqual(['4012345', '4012346', '4012347']);
    const [senior, analyst] = listing.postings.map((p) => p.content);
    expect(senior).toMatchObject({
      title: 'Senior Backend Engineer',
      company: 'Acme Robotics',
      location: 'Berlin, Germany',
      remote: 'hybrid',
      employment_type: 'full_time',
      experience_level: 'senior',
      posted_date: '2026-11-02',
      external_job_id: '4012345',
      application_url: 'https://boards.greenhouse.io/acmerobotics/jobs/4012345',
      responsibilities: ['Design and build services in TypeScript and Node.js', 'Run PostgreSQL and Kafka in production'],
      requirements: ['5+ years of backend development', 'Experience with AWS & Docker', 'Kubernetes (nice to have)'],
      benefits: ['30 days of paid leave'],
    });
    expect(senior.description).toContain('We are looking for a Senior Backend Engineer to own our fleet APIs.');
    expect(senior.description).toContain("What you'll do");
    expect(senior.description).not.toMatch(/<|&lt;|&amp;/);
    expect(analyst).toMatchObject({ title: 'Data Analyst', remote: 'remote', employment_type: null, posted_date: '2026-11-18', requirements: [] });
  });

  it('answers a board without a jobs list as malformed', async () => {
    server.scripted.push({ status: 200, body: { meta: { total: 0 } } });
    expect((await failure(greenhouse().list())).failure).toBe('malformed');
  });
});

describe('Lever Postings API', () => {
  it('reads every page with skip and limit until a short page, and skips the malformed posting', async () => {
    const listing = await lever().list();
    expect(server.requests).toEqual([
      '/v0/postings/acme?mode=json&skip=0&limit=2',
      '/v0/postings/acme?mode=json&skip=2&limit=2',
      '/v0/postings/acme?mode=json&skip=4&limit=2',
      '/v0/postings/acme?mode=json&skip=6&limit=2',
    ]);
    expect(listing.fetched).toBe(6);
    expect(listing.skipped).toBe(1);
    expect(listing.postings).toHaveLength(5);
    const byTitle = new Map(listing.postings.map((p) => [p.content.title, p.content]));
    expect(byTitle.get('Platform Engineer')).toMatchObject({
      company: 'Acme Robotics',
      location: 'San Francisco, CA',
      remote: 'hybrid',
      employment_type: 'full_time',
      salary_range: { min: 150000, max: 190000, currency: 'USD', period: 'year' },
      responsibilities: ['Ship features every week', 'Review code'],
      requirements: ['3+ years with Python', 'Experience with REST APIs'],
      posted_date: new Date(1763000000000 + 86400000).toISOString().slice(0, 10),
      external_job_id: '5b1c2d3e-0000-4000-8000-000000000001',
      application_url: 'https://jobs.lever.co/acme/5b1c2d3e-0000-4000-8000-000000000001',
    });
    expect(byTitle.get('Platform Engineer')!.description).toBe(
      'Acme Robotics is hiring a Platform Engineer to join the Infrastructure team.\n\nAcme Robotics is an equal opportunity employer.',
    );
    // A salary range the job contract refuses (min above max) is left out; the job is kept.
    expect(byTitle.get('Staff Machine Learning Engineer')).toMatchObject({ remote: 'remote', salary_range: null, experience_level: 'lead' });
    expect(byTitle.get('Junior QA Engineer')).toMatchObject({ remote: 'onsite', experience_level: 'entry' });
    expect(byTitle.get('Technical Writer')).toMatchObject({ remote: null, employment_type: 'contract' });
    expect(byTitle.get('Support Engineer')).toMatchObject({ employment_type: 'part_time' });
  });

  it('answers a page that is not a list as malformed', async () => {
    server.scripted.push({ status: 200, body: { postings: [] } });
    expect((await failure(lever().list())).failure).toBe('malformed');
  });
});

describe('retry and circuit-breaker policy', () => {
  it('waits as long as a 429’s Retry-After says, then succeeds', async () => {
    server.scripted.push({ status: 429, headers: { 'retry-after': '7' }, body: { error: 'slow down' } });
    const listing = await greenhouse().list();
    expect(listing.postings).toHaveLength(3);
    expect(sleeps).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
  });

  it('retries 5xx answers with jittered exponential backoff (1 s, 2 s, +25 % at the top of the jitter), then succeeds', async () => {
    server.scripted.push({ status: 503 }, { status: 502, raw: '<html>bad gateway</html>' });
    const listing = await lever(http(), 100).list();
    expect(listing.postings).toHaveLength(5);
    expect(sleeps).toEqual([1200, 2400]);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after 3 attempts that time out', async () => {
    server.always = 'hang';
    const error = await failure(greenhouse(http(150)).list());
    expect(error.failure).toBe('timeout');
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry a 404 (the board does not exist) and does not count it as a failure', async () => {
    server.always = { status: 404, body: { status: 404, error: 'Not found' } };
    const client = http();
    for (let i = 0; i < 6; i++) expect((await failure(greenhouse(client).list())).failure).toBe('rejected');
    expect(server.requests).toHaveLength(6);
    expect(client.breakerState).toBe('closed');
  });

  it('opens the breaker after 5 failures: no call for 60 s, then one trial that closes it', async () => {
    server.always = { status: 500 };
    const client = http();
    const board = greenhouse(client);
    expect((await failure(board.list())).failure).toBe('unavailable');
    expect(server.requests).toHaveLength(3);
    const opened = await failure(board.list());
    expect(opened.failure).toBe('breaker_open');
    expect(server.requests).toHaveLength(5);
    expect(client.breakerState).toBe('open');
    const refused = await failure(board.list());
    expect(refused.failure).toBe('breaker_open');
    expect(server.requests).toHaveLength(5);
    expect(refused.retry_at!.getTime() - clock.now().getTime()).toBeLessThanOrEqual(60_000);

    clock.advance(60_000);
    server.always = null;
    expect((await board.list()).postings).toHaveLength(3);
    expect(server.requests).toHaveLength(6);
    expect(client.breakerState).toBe('closed');
  });
});
