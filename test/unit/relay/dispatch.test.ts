import { randomUUID } from 'node:crypto';
import { DomainEventSchemas } from '../../../contracts/events';
import { INTERNAL_EVENT_TYPES, toIntegrationEvent } from '../../../src/relay/mapping';
import { envelope as envelopeOf } from '../../support/envelopes';

describe('integration event dispatch', () => {
  it('declares exactly the claim events, admin reads, notifications, saved searches, job alerts and job board syncs internal', () => {
    expect([...INTERNAL_EVENT_TYPES].sort()).toEqual([
      'AdminHistoryRead',
      'ClaimReleased',
      'ClaimTaken',
      'JobAlertCreated',
      'JobAlertDeleted',
      'JobAlertDigestClosed',
      'JobAlertDigestJobAdded',
      'JobAlertDigestSent',
      'JobAlertMatched',
      'JobAlertPaused',
      'JobAlertResumed',
      'JobSourceSyncFailed',
      'JobSourceSynced',
      'NotificationPreferencesSet',
      'NotificationRaised',
      'NotificationRead',
      'SavedSearchCreated',
      'SavedSearchDeleted',
    ]);
    expect(INTERNAL_EVENT_TYPES.every((type) => DomainEventSchemas.some((schema) => schema.shape.type.value === type))).toBe(true);
  });

  it('given an internal event, then nothing is published', () => {
    expect(toIntegrationEvent(envelope('ClaimTaken', { owner_id: randomUUID() }))).toBeNull();
  });

  it('given a type no aggregate maps (a stored event the contracts no longer know), then it throws', () => {
    expect(() => toIntegrationEvent(envelope('ProfileTeleported', {}))).toThrow('No integration mapping for domain event ProfileTeleported');
    expect(() => toIntegrationEvent(envelope('toString', {}))).toThrow('No integration mapping');
  });
});

const envelope = (type: string, data: Record<string, unknown>) =>
  envelopeOf({ type, data }, { stream_id: `useremail-${randomUUID()}`, revision: 0, occurred_at: '2026-11-24T10:00:00.000Z', correlation_id: 'corr-1' });
