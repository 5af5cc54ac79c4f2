import { randomUUID } from 'node:crypto';
import { ApplicationCommand } from '../../../contracts/applications/commands';
import { ApplicationEvent, ApplicationStatus } from '../../../contracts/applications/events';
import { applicationDecider, TRANSITIONS } from '../../../src/applications/application-decider';
import { given } from '../../support/given';

const application_id = randomUUID();
const user_id = randomUUID();
const job_id = randomUUID();
const document_id = randomUUID();
const now = '2026-11-30T10:00:00.000Z';

const create = (status: ApplicationStatus, extra: Partial<Extract<ApplicationCommand, { type: 'CreateApplication' }>> = {}): ApplicationCommand => ({
  type: 'CreateApplication',
  application_id,
  user_id,
  now,
  job_id,
  document_id,
  document_version: 2,
  status,
  applied_date: null,
  notes: 'Referred by Grace',
  ...extra,
});
const update = (extra: Partial<Extract<ApplicationCommand, { type: 'UpdateApplication' }>>): ApplicationCommand => ({ type: 'UpdateApplication', application_id, user_id, now, ...extra });
const created = (status: ApplicationStatus, applied_date: string | null = null): ApplicationEvent => ({
  type: 'ApplicationCreated',
  data: { application_id, user_id, job_id, document_id, document_version: 2, status, applied_date, notes: 'Referred by Grace' },
});
const changed = (from: ApplicationStatus, to: ApplicationStatus, note: string | null = null, applied_date: string | null = null): ApplicationEvent => ({
  type: 'ApplicationStatusChanged',
  data: { user_id, from, to, note, applied_date },
});

describe('application decider', () => {
  it('given nothing, when an application is created, then it records the job, the document version and the status', () => {
    given(applicationDecider).when(create('preparing')).then([created('preparing')]);
  });

  it('given nothing, when it is created as applied without a date, then the applied date is the day of creation', () => {
    given(applicationDecider).when(create('applied')).then([created('applied', '2026-11-30')]);
    given(applicationDecider).when(create('applied', { applied_date: '2026-11-02' })).then([created('applied', '2026-11-02')]);
  });

  it('given an application, when it is created again (a retried request), then nothing changes; by another user, it is missing', () => {
    given(applicationDecider, [created('preparing')]).when(create('preparing')).then([]);
    given(applicationDecider, [created('preparing')]).when(create('preparing', { user_id: randomUUID() })).thenFails('APPLICATION.NOT_FOUND');
  });

  it('given preparing, when it moves to applied with a note, then the change names from, to and the note, and the applied date is set', () => {
    given(applicationDecider, [created('preparing')])
      .when(update({ status: 'applied', note: 'Sent through the portal' }))
      .then([changed('preparing', 'applied', 'Sent through the portal', '2026-11-30')]);
  });

  it('given applied with a date, when it moves on, then the date is kept', () => {
    given(applicationDecider, [created('applied', '2026-11-02')]).when(update({ status: 'interviewing' })).then([changed('applied', 'interviewing')]);
  });

  // Every pair of statuses: allowed ones change, the rest are refused with 409's code.
  const statuses = ApplicationStatus.options;
  for (const from of statuses) {
    for (const to of statuses.filter((s) => s !== from)) {
      const allowed = TRANSITIONS[from].includes(to);
      it(`given ${from}, when it moves to ${to}, then it is ${allowed ? 'recorded' : 'refused'}`, () => {
        const when = given(applicationDecider, [created(from, from === 'not_applied' || from === 'preparing' ? null : '2026-11-02')]).when(update({ status: to }));
        if (allowed) expect(when.events().map((e) => e.type)).toEqual(['ApplicationStatusChanged']);
        else when.thenFails('APPLICATION.INVALID_TRANSITION');
      });
    }
  }

  it('has final statuses and a funnel in the table', () => {
    expect(TRANSITIONS.accepted).toEqual([]);
    expect(TRANSITIONS.rejected).toEqual([]);
    expect(TRANSITIONS.withdrawn).toEqual([]);
    expect(TRANSITIONS.applied).toEqual(expect.arrayContaining(['interviewing', 'rejected', 'withdrawn']));
    expect(TRANSITIONS.interviewing).toContain('offer_received');
    expect(TRANSITIONS.offer_received).toContain('accepted');
  });

  it('given an application, when the same status is sent, then nothing changes', () => {
    given(applicationDecider, [created('interviewing')]).when(update({ status: 'interviewing' })).then([]);
  });

  it('given an application, when the status and the notes change, then both are recorded, status first; unchanged notes add nothing', () => {
    given(applicationDecider, [created('applied', '2026-11-02')])
      .when(update({ status: 'rejected', notes: 'Try again next year' }))
      .then([changed('applied', 'rejected'), { type: 'ApplicationNotesUpdated', data: { user_id, notes: 'Try again next year' } }]);
    given(applicationDecider, [created('applied', '2026-11-02')]).when(update({ notes: 'Referred by Grace' })).then([]);
  });

  it('given a refused transition, the problem says what the status can move to', () => {
    expect(() => applicationDecider.decide(update({ status: 'accepted' }), applicationDecider.evolve(applicationDecider.initialState, created('applied')))).toThrow(
      'An application cannot go from applied to accepted: it can move to interviewing, offer_received, rejected, withdrawn',
    );
  });

  it("given another user's application, or none, or a deleted one, when it is updated or deleted, then it is missing", () => {
    const other = { user_id: randomUUID() };
    given(applicationDecider, [created('applied')]).when(update({ ...other, status: 'interviewing' })).thenFails('APPLICATION.NOT_FOUND');
    given(applicationDecider, [created('applied')]).when({ type: 'DeleteApplication', application_id, now, ...other }).thenFails('APPLICATION.NOT_FOUND');
    given(applicationDecider).when(update({ notes: 'x' })).thenFails('APPLICATION.NOT_FOUND');
    const deleted: ApplicationEvent = { type: 'ApplicationDeleted', data: { application_id, user_id } };
    given(applicationDecider, [created('applied'), deleted]).when(update({ notes: 'x' })).thenFails('APPLICATION.NOT_FOUND');
    given(applicationDecider, [created('applied'), deleted]).when({ type: 'DeleteApplication', application_id, user_id, now }).thenFails('APPLICATION.NOT_FOUND');
  });

  it('given an application, when its owner deletes it, then it is deleted', () => {
    given(applicationDecider, [created('applied')]).when({ type: 'DeleteApplication', application_id, user_id, now }).then([{ type: 'ApplicationDeleted', data: { application_id, user_id } }]);
  });
});
