import { randomUUID } from 'node:crypto';
import { DocumentCommand } from '../../../contracts/documents/commands';
import { DocumentEvent } from '../../../contracts/documents/events';
import { ResumeContent } from '../../../contracts/generations/content';
import { documentDecider } from '../../../src/documents/document-decider';
import { given } from '../../support/given';

const document_id = randomUUID();
const user_id = randomUUID();
const now = '2026-11-30T10:00:00.000Z';
const resume: ResumeContent = {
  template: 'professional',
  word_count: 2,
  sections: [{ kind: 'summary', heading: 'Summary', items: [{ title: null, meta: null, lines: [{ text: 'Builds things', sources: [{ kind: 'summary', entry_id: null, index: null }] }] }] }],
};

const generated = (generation_id: string, extra: Partial<Extract<DocumentCommand, { type: 'AddGeneratedVersion' }>> = {}): DocumentCommand => ({
  type: 'AddGeneratedVersion',
  document_id,
  now,
  user_id,
  document_type: 'resume',
  job_id: randomUUID(),
  profile_id: randomUUID(),
  title: 'Resume — Engineer at Northwind',
  person_name: 'Ana Núñez',
  job_title: 'Engineer',
  company: 'Northwind',
  generation_id,
  template: 'professional',
  resume,
  cover_letter: null,
  ats_score: 0.8,
  retention_days: 90,
  ...extra,
});

const first = randomUUID();
const second = randomUUID();
const history = (): DocumentEvent[] => documentDecider.decide(generated(first), { status: 'none' });
const withSecond = (): DocumentEvent[] => {
  const h = history();
  return [...h, ...documentDecider.decide(generated(second), h.reduce(documentDecider.evolve, documentDecider.initialState))];
};

describe('document decider', () => {
  it('given nothing, when a generation completes, then the document is created with version 1, expiring after the retention', () => {
    const events = given(documentDecider).when(generated(first)).events();
    expect(events.map((e) => e.type)).toEqual(['DocumentCreated', 'DocumentVersionAdded']);
    expect(events[0].data).toMatchObject({ document_id, user_id, type: 'resume', title: 'Resume — Engineer at Northwind' });
    expect(events[1].data).toMatchObject({ version: 1, generation_id: first, restored_from: null, expires_at: '2027-02-28T10:00:00.000Z' });
  });

  it('given a document, when the same generation comes again, then nothing is added; a new generation adds version 2', () => {
    given(documentDecider, history()).when(generated(first)).then([]);
    const events = given(documentDecider, history()).when(generated(second)).events();
    expect(events).toEqual([expect.objectContaining({ type: 'DocumentVersionAdded', data: expect.objectContaining({ version: 2, generation_id: second }) })]);
  });

  it('given two versions, when version 1 is restored, then it is copied as version 3 and history stays', () => {
    const [event] = given(documentDecider, withSecond()).when({ type: 'RestoreVersion', document_id, now, user_id, version: 1, retention_days: 90 }).events();
    expect(event).toMatchObject({ type: 'DocumentVersionAdded', data: { version: 3, restored_from: 1, generation_id: null, resume } });
    given(documentDecider, withSecond()).when({ type: 'RestoreVersion', document_id, now, user_id, version: 7, retention_days: 90 }).thenFails('DOCUMENT.VERSION_NOT_FOUND');
  });

  it('given someone else’s document, when they act on it, then it does not exist for them', () => {
    const stranger = randomUUID();
    given(documentDecider, history()).when({ type: 'DeleteDocument', document_id, now, user_id: stranger }).thenFails('DOCUMENT.NOT_FOUND');
    given(documentDecider, history()).when({ type: 'UpdateDetails', document_id, now, user_id: stranger, title: 'Mine' }).thenFails('DOCUMENT.NOT_FOUND');
    given(documentDecider, history()).when(generated(second, { user_id: stranger })).thenFails('DOCUMENT.NOT_FOUND');
  });

  it('given details, when the same details are sent, then nothing is recorded; a change records all three', () => {
    given(documentDecider, history()).when({ type: 'UpdateDetails', document_id, now, user_id, title: 'Resume — Engineer at Northwind' }).then([]);
    given(documentDecider, history())
      .when({ type: 'UpdateDetails', document_id, now, user_id, tags: ['sent'] })
      .then([{ type: 'DocumentDetailsUpdated', data: { user_id, title: 'Resume — Engineer at Northwind', notes: '', tags: ['sent'] } }]);
  });

  it('given a share link, when it is revoked twice, then it is revoked once; an unknown link is not found', () => {
    const share_id = randomUUID();
    const shared: DocumentEvent = {
      type: 'DocumentShared',
      data: { share_id, token_hash: 'a'.repeat(64), password_hash: null, permissions: ['view'], expires_at: '2026-12-07T10:00:00.000Z', version: null },
    };
    given(documentDecider, [...history(), shared]).when({ type: 'RevokeShare', document_id, now, user_id, share_id }).then([{ type: 'DocumentShareRevoked', data: { share_id } }]);
    given(documentDecider, [...history(), shared, { type: 'DocumentShareRevoked', data: { share_id } }]).when({ type: 'RevokeShare', document_id, now, user_id, share_id }).then([]);
    given(documentDecider, history()).when({ type: 'RevokeShare', document_id, now, user_id, share_id }).thenFails('DOCUMENT.SHARE_NOT_FOUND');
  });

  it('given a document, when expiry is asked before it is due, then nothing happens; once due, it expires once', () => {
    given(documentDecider, history()).when({ type: 'ExpireDocument', document_id, now: '2027-02-28T09:59:59.000Z' }).then([]);
    const expired: DocumentEvent = { type: 'DocumentExpired', data: { document_id, user_id } };
    given(documentDecider, history()).when({ type: 'ExpireDocument', document_id, now: '2027-02-28T10:00:00.000Z' }).then([expired]);
    given(documentDecider, [...history(), expired]).when({ type: 'ExpireDocument', document_id, now: '2027-03-01T00:00:00.000Z' }).then([]);
  });

  it('given a deleted document, when anything but a generation comes, then it is not found; a late generation adds nothing', () => {
    const gone = [...history(), { type: 'DocumentDeleted', data: { document_id, user_id } } as DocumentEvent];
    given(documentDecider, gone).when({ type: 'RecordDownload', document_id, now, version: 1, format: 'pdf', share_id: null }).thenFails('DOCUMENT.NOT_FOUND');
    given(documentDecider, gone).when(generated(second)).then([]);
  });
});
