import { randomUUID } from 'node:crypto';
import { CATALOGUE_ACTOR, EXPIRY_ACTOR } from '../../../contracts/jobs/commands';
import { JobEvent } from '../../../contracts/jobs/events';
import { JobStatus } from '../../../contracts/jobs/job';
import { analyzeJob } from '../../../src/keywords';
import { contentHash } from '../../../src/jobs/catalogue/catalogue';
import { jobDecider } from '../../../src/jobs/job-decider';
import { given } from '../../support/given';
import { jobContent } from '../../support/job-fixtures';

const now = '2026-11-24T10:00:00.000Z';
const owner = randomUUID();
const stranger = randomUUID();
const job_id = randomUUID();

const content = jobContent({ expires_date: '2026-12-31' });
const content_hash = contentHash(content);
const analysis = analyzeJob(content);
const changed = jobContent({ title: 'Staff Platform Engineer', expires_date: '2026-12-31' });
const changed_hash = contentHash(changed);
const changed_analysis = analyzeJob(changed);
const overdueContent = jobContent({ posted_date: '2026-09-01', expires_date: '2026-10-31' });

const base = (actor: string = owner) => ({ job_id, actor, now });
const created = (status: 'draft' | 'active' = 'draft', c = content): JobEvent => ({
  type: 'JobCreated',
  data: { job_id, source: 'user_created', user_id: owner, status, catalogue_id: null, content: c, content_hash: contentHash(c) },
});
const analyzed = (hash = content_hash, a = analysis): JobEvent => ({ type: 'JobAnalyzed', data: { content_hash: hash, analysis: a } });
const staticCreated: JobEvent = {
  type: 'JobCreated',
  data: { job_id, source: 'static', user_id: null, status: 'active', catalogue_id: 'static-001', content, content_hash },
};
const statusChanged = (from: JobStatus, to: JobStatus): JobEvent => ({ type: 'JobStatusChanged', data: { from, to } });
const deleted: JobEvent = { type: 'JobDeleted', data: { job_id, user_id: owner } };
const inStatus = (status: JobStatus): JobEvent[] => {
  if (status === 'draft') return [created('draft'), analyzed()];
  if (status === 'active') return [created('active'), analyzed()];
  if (status === 'archived') return [created('draft'), analyzed(), statusChanged('draft', 'archived')];
  return [created('active', overdueContent), analyzed(contentHash(overdueContent)), { type: 'JobExpired', data: { expires_date: '2026-10-31' } }];
};

describe('job decider', () => {
  describe('CreateJob', () => {
    const create = (status: 'draft' | 'active', c = content) => ({
      type: 'CreateJob' as const,
      ...base(),
      source: 'user_created' as const,
      status,
      content: c,
      content_hash: contentHash(c),
      analysis: analyzeJob(c),
    });

    it('creates a job owned by the actor and records its analysis', () => {
      given(jobDecider).when(create('draft')).then([created('draft'), analyzed()]);
    });

    it('creates an active job when asked', () => {
      given(jobDecider).when(create('active')).then([created('active'), analyzed()]);
    });

    it('refuses to create an active job whose expires_date has passed', () => {
      given(jobDecider).when(create('active', overdueContent)).thenFails('JOB.INVALID_TRANSITION');
    });

    it('creates an overdue job as a draft', () => {
      expect(given(jobDecider).when(create('draft', overdueContent)).events()[0]).toMatchObject({ data: { status: 'draft' } });
    });

    it('refuses to create the same job twice', () => {
      given(jobDecider, [created()]).when(create('draft')).thenFails('JOB.ALREADY_EXISTS');
    });
  });

  describe('SyncCatalogueJob', () => {
    const sync = (c = content, a = analyzeJob(c)) => ({
      type: 'SyncCatalogueJob' as const,
      ...base(CATALOGUE_ACTOR),
      catalogue_id: 'static-001',
      content: c,
      content_hash: contentHash(c),
      analysis: a,
    });

    it('creates a new catalogue entry as an active static job nobody owns', () => {
      given(jobDecider).when(sync()).then([staticCreated, analyzed()]);
    });

    it('decides nothing for an unchanged entry (a restart appends nothing)', () => {
      given(jobDecider, [staticCreated, analyzed()]).when(sync()).then([]);
    });

    it('updates and re-analyses a changed entry', () => {
      given(jobDecider, [staticCreated, analyzed()])
        .when(sync(changed))
        .then([{ type: 'JobUpdated', data: { content: changed, content_hash: changed_hash } }, analyzed(changed_hash, changed_analysis)]);
    });

    it('re-analyses an unchanged entry when the analyzer version changed', () => {
      const older = { ...analysis, analyzer_version: 'keywords-0.9.0' };
      given(jobDecider, [staticCreated, analyzed(content_hash, older)]).when(sync()).then([analyzed()]);
    });

    it('re-activates an expired entry whose refreshed deadline lies ahead', () => {
      const expired: JobEvent = { type: 'JobExpired', data: { expires_date: '2026-10-31' } };
      const events = given(jobDecider, [staticCreated, analyzed(), expired]).when(sync(changed)).events();
      expect(events.map((e) => e.type)).toEqual(['JobUpdated', 'JobAnalyzed', 'JobStatusChanged']);
      expect(events[2]).toEqual(statusChanged('expired', 'active'));
    });
  });

  describe('UpdateJob', () => {
    const update = (actor = owner, c = changed) => ({ type: 'UpdateJob' as const, ...base(actor), content: c, content_hash: contentHash(c), analysis: analyzeJob(c) });

    it('replaces the content and re-analyses it', () => {
      given(jobDecider, [created(), analyzed()])
        .when(update())
        .then([{ type: 'JobUpdated', data: { content: changed, content_hash: changed_hash } }, analyzed(changed_hash, changed_analysis)]);
    });

    it('decides nothing when the content is unchanged', () => {
      given(jobDecider, [created(), analyzed()]).when(update(owner, content)).then([]);
    });

    it("hides another user's job", () => {
      given(jobDecider, [created(), analyzed()]).when(update(stranger)).thenFails('JOB.NOT_FOUND');
    });

    it('refuses to edit a static job', () => {
      given(jobDecider, [staticCreated, analyzed()]).when(update()).thenFails('JOB.READ_ONLY');
    });

    it('treats a missing or deleted job as not found', () => {
      given(jobDecider).when(update()).thenFails('JOB.NOT_FOUND');
      given(jobDecider, [created(), deleted]).when(update()).thenFails('JOB.NOT_FOUND');
    });
  });

  describe('ChangeJobStatus', () => {
    const change = (status: JobStatus, actor = owner) => ({ type: 'ChangeJobStatus' as const, ...base(actor), status });

    it.each([
      ['draft', 'active'],
      ['draft', 'archived'],
      ['active', 'archived'],
      ['archived', 'active'],
      ['expired', 'archived'],
    ] as const)('allows %s → %s', (from, to) => {
      given(jobDecider, inStatus(from)).when(change(to)).then([statusChanged(from, to)]);
    });

    it.each([
      ['archived', 'draft'],
      ['active', 'draft'],
      ['active', 'expired'],
      ['draft', 'expired'],
      ['expired', 'active'],
      ['expired', 'draft'],
    ] as const)('refuses %s → %s', (from, to) => {
      given(jobDecider, inStatus(from)).when(change(to)).thenFails('JOB.INVALID_TRANSITION');
    });

    it('decides nothing when the job already has the status', () => {
      given(jobDecider, inStatus('active')).when(change('active')).then([]);
    });

    it('refuses to activate a job whose expires_date has passed', () => {
      given(jobDecider, [created('draft', overdueContent), analyzed(contentHash(overdueContent))]).when(change('active')).thenFails('JOB.INVALID_TRANSITION');
    });

    it('treats an overdue active job as expired, recording the expiry before archiving it', () => {
      given(jobDecider, [created('active', jobContent({ expires_date: '2026-11-23' }))])
        .when(change('archived'))
        .then([{ type: 'JobExpired', data: { expires_date: '2026-11-23' } }, statusChanged('expired', 'archived')]);
    });

    it('refuses changes to static jobs and hides other users’ jobs', () => {
      given(jobDecider, [staticCreated]).when(change('archived')).thenFails('JOB.READ_ONLY');
      given(jobDecider, inStatus('draft')).when(change('active', stranger)).thenFails('JOB.NOT_FOUND');
    });
  });

  describe('AnalyzeJob', () => {
    const analyze = (actor = owner, hash = content_hash, a = analysis) => ({ type: 'AnalyzeJob' as const, ...base(actor), content_hash: hash, analysis: a });

    it('records an analysis when the job has none of its current content', () => {
      given(jobDecider, [created()]).when(analyze()).then([analyzed()]);
    });

    it('decides nothing when the stored analysis is current (analysing is idempotent)', () => {
      given(jobDecider, [created(), analyzed()]).when(analyze()).then([]);
    });

    it('records a new analysis when the analyzer version changed', () => {
      const newer = { ...analysis, analyzer_version: 'keywords-9.0.0' };
      given(jobDecider, [created(), analyzed()]).when(analyze(owner, content_hash, newer)).then([analyzed(content_hash, newer)]);
    });

    it('lets anyone analyse a static job, which keeps the analysis made at catalogue load', () => {
      given(jobDecider, [staticCreated, analyzed()]).when(analyze(stranger)).then([]);
    });

    it("hides another user's job", () => {
      given(jobDecider, [created()]).when(analyze(stranger)).thenFails('JOB.NOT_FOUND');
    });

    it('refuses an analysis of content that has since changed', () => {
      given(jobDecider, [created()]).when(analyze(owner, changed_hash, changed_analysis)).thenFails('CONCURRENCY.CONFLICT');
    });
  });

  describe('ExpireJob', () => {
    const expire = { type: 'ExpireJob' as const, ...base(EXPIRY_ACTOR) };

    it('expires an active job whose expires_date has passed', () => {
      given(jobDecider, [created('active', jobContent({ expires_date: '2026-11-23' }))])
        .when(expire)
        .then([{ type: 'JobExpired', data: { expires_date: '2026-11-23' } }]);
    });

    it('decides nothing for a job that expires today or later, has no deadline, or is not active', () => {
      given(jobDecider, [created('active', jobContent({ expires_date: '2026-11-24' }))]).when(expire).then([]);
      given(jobDecider, [created('active', jobContent({ expires_date: null }))]).when(expire).then([]);
      given(jobDecider, [created('draft', overdueContent)]).when(expire).then([]);
      given(jobDecider, inStatus('expired')).when(expire).then([]);
    });

    it('decides nothing for a missing or deleted job', () => {
      given(jobDecider).when(expire).then([]);
      given(jobDecider, [created(), deleted]).when(expire).then([]);
    });
  });

  describe('DeleteJob', () => {
    const remove = (actor = owner) => ({ type: 'DeleteJob' as const, ...base(actor) });

    it('deletes an owned job, after which it is not found', () => {
      given(jobDecider, [created()]).when(remove()).then([deleted]);
      given(jobDecider, [created(), deleted]).when(remove()).thenFails('JOB.NOT_FOUND');
    });

    it('refuses to delete a static job or another user’s job', () => {
      given(jobDecider, [staticCreated]).when(remove()).thenFails('JOB.READ_ONLY');
      given(jobDecider, [created()]).when(remove(stranger)).thenFails('JOB.NOT_FOUND');
    });
  });
});
