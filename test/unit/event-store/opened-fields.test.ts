import { randomBytes, randomUUID } from 'node:crypto';
import { DomainEvent } from '../../../contracts/events';
import { encryptString, ERASED } from '../../../src/event-store/field-crypto';
import { OpenedFields } from '../../../src/event-store/opened-fields';
import { RecordedEvent } from '../../../src/event-store/port';
import { EventSerializer, NewEventMetadata } from '../../../src/event-store/serializer';
import { CollectionKeyStore } from '../../../src/key-store/collection-key-store';
import { EmbeddedReadStore } from '../../../src/read-store/embedded';

const key = { kid: 'k1', subject: 's', key: randomBytes(32) };

describe('remembered plaintexts of personal fields', () => {
  it('answer only for the same nonce, ciphertext, tag, key id and path', () => {
    const opened = new OpenedFields();
    const field = encryptString('Ada', key, 'personal_info.full_name');
    opened.remember(field, 'personal_info.full_name', 'Ada');
    expect(opened.plaintextOf(field, 'personal_info.full_name')).toBe('Ada');
    expect(opened.plaintextOf(field, 'personal_info.location')).toBeUndefined();
    expect(opened.plaintextOf({ ...field, ct: Buffer.from('other').toString('base64') }, 'personal_info.full_name')).toBeUndefined();
    expect(opened.plaintextOf({ ...field, tag: randomBytes(16).toString('base64') }, 'personal_info.full_name')).toBeUndefined();
    expect(opened.plaintextOf({ ...field, kid: 'k2' }, 'personal_info.full_name')).toBeUndefined();
  });

  it('hold at most their bound, oldest out first, and forget everything when cleared', () => {
    const opened = new OpenedFields(2);
    const fields = ['a', 'b', 'c'].map((plain) => ({ plain, field: encryptString(plain, key, 'p') }));
    for (const { plain, field } of fields) opened.remember(field, 'p', plain);
    expect(fields.map(({ field }) => opened.plaintextOf(field, 'p'))).toEqual([undefined, 'b', 'c']);
    opened.clear();
    expect(opened.plaintextOf(fields[2]!.field, 'p')).toBeUndefined();
  });
});

describe('EventSerializer reading back what it wrote', () => {
  const user_id = randomUUID();
  const metadata: NewEventMetadata = { correlation_id: 'c', causation_id: null, actor: user_id, occurred_at: '2026-01-01T00:00:00.000Z' };
  const added = (): DomainEvent =>
    ({
      type: 'ExperienceAdded',
      data: { experience: { id: randomUUID(), title: 'Engineer', company: 'Contoso', location: 'Berlin', start_date: '2020-01', end_date: null, is_current: true, description: 'Built things', achievements: ['Cut latency', 'Led team'] } },
    }) as DomainEvent;
  // As the embedded store hands events back: parsed from the bytes it wrote, not the objects it was given.
  const recorded = (data: { event_id: string; type: string; data: Record<string, unknown>; metadata: unknown }): RecordedEvent =>
    JSON.parse(JSON.stringify({ ...data, stream_id: `profile-${user_id}`, revision: 1, position: '1', recorded_at: metadata.occurred_at }));

  it('gives every reader what a fresh serializer decrypts, and the erased marker once the keys are gone', async () => {
    const keys = new CollectionKeyStore(new EmbeddedReadStore(), randomBytes(32));
    const writer = new EventSerializer(keys);
    const event = added();
    const stored = recorded(await writer.serialize(event, metadata));
    const [first, second] = [await writer.deserialize(stored), await writer.open(stored)];
    const fresh = await new EventSerializer(keys).deserialize(stored);
    expect(first.data).toEqual(event.data);
    expect(second.data).toEqual(event.data);
    expect(fresh.data).toEqual(event.data);

    await keys.destroySubject(user_id);
    const erased = (await writer.deserialize(stored)).data as { experience: { title: string; achievements: string[] } };
    expect(erased.experience.title).toBe(ERASED);
    expect(erased.experience.achievements).toEqual([ERASED, ERASED]);
  });

  it('still refuses a field whose ciphertext was changed after it was written', async () => {
    const writer = new EventSerializer(new CollectionKeyStore(new EmbeddedReadStore(), randomBytes(32)));
    const stored = recorded(await writer.serialize(added(), metadata));
    const title = (stored.data as { experience: { title: { ct: string } } }).experience.title;
    const ct = Buffer.from(title.ct, 'base64');
    ct[0] ^= 1;
    title.ct = ct.toString('base64');
    await expect(writer.deserialize(stored)).rejects.toThrow(/does not decrypt/);
  });
});
