import { randomBytes, randomUUID } from 'node:crypto';
import { DomainEvent } from '../../../contracts/events';
import { ERASED, isEncryptedField } from '../../../src/event-store/field-crypto';
import { RecordedEvent } from '../../../src/event-store/port';
import { deserializeMetadata, EventDecodeError, EventEncodeError, EventSerializer, NewEventMetadata, serializeEvent } from '../../../src/event-store/serializer';
import { CollectionKeyStore } from '../../../src/key-store/collection-key-store';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';

const user_id = randomUUID();
const metadata: NewEventMetadata = { correlation_id: 'c', causation_id: null, actor: user_id, occurred_at: '2026-01-01T00:00:00.000Z' };

const profileCreated = (): DomainEvent => ({
  type: 'ProfileCreated',
  data: {
    profile_id: randomUUID(),
    user_id,
    personal_info: { full_name: 'Ada Example', email: 'ada@example.com', phone: '+49 30 1234567', location: 'Berlin', linkedin: null, github: 'https://github.com/ada', website: null },
    professional_summary: 'Backend engineer, eight years',
    experiences: [
      { id: randomUUID(), title: 'Engineer', company: 'Contoso', location: null, start_date: '2020-01', end_date: null, is_current: true, description: 'Built things', achievements: ['Cut latency', 'Led team'] },
    ],
    education: [],
    projects: [],
    skills: { technical: ['TypeScript'], soft: [], languages: [], certifications: [] },
  },
} as DomainEvent);

let position = 0;
const recorded = (data: ReturnType<typeof serializeEvent>): RecordedEvent => ({ ...data, stream_id: `profile-${user_id}`, revision: 0, position: String(++position), recorded_at: metadata.occurred_at });

function setup() {
  const keys = new CollectionKeyStore(new EmbeddedReadStore(), randomBytes(32));
  return { keys, serializer: new EventSerializer(keys) };
}

describe('EventSerializer with per-user keys', () => {
  it('encrypts exactly the personal fields and reads them back', async () => {
    const { serializer } = setup();
    const event = profileCreated();
    const stored = await serializer.serialize(event, metadata);
    const data = stored.data as Record<string, any>;
    expect(isEncryptedField(data.personal_info.full_name)).toBe(true);
    expect(isEncryptedField(data.personal_info.email)).toBe(true);
    expect(isEncryptedField(data.professional_summary)).toBe(true);
    expect(isEncryptedField(data.experiences[0].achievements[1])).toBe(true);
    expect(data.personal_info.linkedin).toBeNull();
    expect(data.user_id).toBe(user_id);
    expect(data.skills.technical).toEqual(['TypeScript']);
    expect(data.experiences[0].start_date).toBe('2020-01');
    expect(JSON.stringify(stored)).not.toMatch(/Ada|ada@example|1234567|Backend engineer|Cut latency/);

    const back = await serializer.deserialize(recorded(stored));
    expect(back.data).toEqual(event.data);
  });

  it('uses a fresh nonce for every field, and the same key id for one subject', async () => {
    const { serializer } = setup();
    const a = (await serializer.serialize(profileCreated(), metadata)).data as Record<string, any>;
    const b = (await serializer.serialize(profileCreated(), metadata)).data as Record<string, any>;
    expect(a.personal_info.full_name.iv).not.toBe(b.personal_info.full_name.iv);
    expect(a.personal_info.full_name.ct).not.toBe(b.personal_info.full_name.ct);
    expect(a.personal_info.full_name.kid).toBe(b.personal_info.full_name.kid);
    const ivs = new Set([a.personal_info.full_name.iv, a.personal_info.email.iv, a.professional_summary.iv]);
    expect(ivs.size).toBe(3);
    expect(Buffer.from(a.personal_info.email.iv, 'base64')).toHaveLength(12);
  });

  it('detects tampering: a changed ciphertext or a field moved to another path fails to decode', async () => {
    const { serializer } = setup();
    const stored = await serializer.serialize(profileCreated(), metadata);
    const data = structuredClone(stored.data) as Record<string, any>;
    const ct = Buffer.from(data.personal_info.full_name.ct, 'base64');
    ct[0] ^= 1;
    data.personal_info.full_name.ct = ct.toString('base64');
    await expect(serializer.deserialize(recorded({ ...stored, data }))).rejects.toBeInstanceOf(EventDecodeError);

    const moved = structuredClone(stored.data) as Record<string, any>;
    moved.personal_info.location = moved.personal_info.full_name;
    await expect(serializer.deserialize(recorded({ ...stored, data: moved }))).rejects.toThrow(/does not decrypt/);
  });

  it('reads plain events recorded before encryption as they are, beside encrypted ones', async () => {
    const { serializer } = setup();
    const legacyEvent = profileCreated();
    const legacy = recorded(serializeEvent(legacyEvent, metadata));
    const encryptedEvent = profileCreated();
    const encrypted = recorded(await serializer.serialize(encryptedEvent, metadata));
    const [a, b] = await Promise.all([serializer.deserialize(legacy), serializer.deserialize(encrypted)]);
    expect(a.data).toEqual(legacyEvent.data);
    expect(b.data).toEqual(encryptedEvent.data);
  });

  it('leaves events without a data subject plain (catalogue jobs) and events without personal fields untouched', async () => {
    const { serializer } = setup();
    const status = await serializer.serialize({ type: 'JobStatusChanged', data: { from: 'active', to: 'archived' } } as DomainEvent, metadata);
    expect(status.data).toEqual({ from: 'active', to: 'archived' });
    const system = { ...metadata, actor: 'system:catalogue' };
    const update = await serializer.serialize({ type: 'ProfileUpdated', data: { professional_summary: 'x' } } as DomainEvent, system);
    expect(update.data).toEqual({ professional_summary: 'x' });
  });

  it('reads personal fields as the erased marker once the subject keys are destroyed, never as an error', async () => {
    const { keys, serializer } = setup();
    const event = profileCreated();
    const stored = recorded(await serializer.serialize(event, metadata));
    const registered = recorded(await serializer.serialize({ type: 'UserRegistered', data: { user_id, email: 'ada@example.com', full_name: 'Ada', password_hash: 'h', roles: ['user'] } } as DomainEvent, metadata));
    await keys.destroySubject(user_id);

    const back = (await serializer.deserialize(stored)).data as Record<string, any>;
    expect(back.personal_info.full_name).toBe(ERASED);
    expect(back.personal_info.email).toBe(ERASED);
    expect(back.professional_summary).toBe(ERASED);
    expect(back.experiences[0].achievements).toEqual([ERASED, ERASED]);
    expect(back.skills.technical).toEqual(['TypeScript']);
    expect(back.user_id).toBe(user_id);
    const user = (await serializer.deserialize(registered)).data as Record<string, any>;
    expect(user).toMatchObject({ user_id, email: ERASED, full_name: ERASED });
  });
});

describe('serializer: what the decoder would refuse is never written', () => {
  it('given an event that does not fit its contract, when serialized, then it is refused with the fields that do not fit', async () => {
    const bad = { type: 'UserRegistered', data: { user_id: 'not-a-uuid', email: 'not an email', full_name: 'X', password_hash: 'h', roles: ['user'] } } as unknown as DomainEvent;
    await expect(new EventSerializer(null).serialize(bad, metadata)).rejects.toThrow(EventEncodeError);
    await expect(new EventSerializer(null).serialize(bad, metadata)).rejects.toThrow(/data\.user_id.*data\.email/);
  });
});

describe('serializer: an envelope without its data (deserializeMetadata)', () => {
  it('given a stored event with encrypted personal fields, when read for its envelope, then its metadata is validated and its data is neither decrypted nor handed over', async () => {
    const { serializer } = setup();
    const stored = recorded(await serializer.serialize(profileCreated(), metadata));
    expect(deserializeMetadata(stored)).toEqual({ event_id: stored.event_id, type: 'ProfileCreated', data: undefined, metadata: expect.objectContaining({ correlation_id: 'c', actor: user_id }), stream_id: stored.stream_id, revision: 0, position: stored.position, recorded_at: stored.recorded_at });
    expect(() => deserializeMetadata({ ...stored, type: 'NoSuchEvent' })).toThrow(EventDecodeError);
    expect(() => deserializeMetadata({ ...stored, metadata: { ...stored.metadata, occurred_at: 'yesterday' } })).toThrow(EventDecodeError);
  });
});
