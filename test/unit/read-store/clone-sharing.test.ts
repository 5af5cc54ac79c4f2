import { cloneDocument, cloneSharing } from '../../../src/read-store/embedded/clone';

const entry = (i: number) => ({ id: `e${i}`, title: `Engineer ${i}`, achievements: ['Shipped'], dates: { start: '2020-01', end: null } });

describe('stored copies share what did not change with the version they replace', () => {
  it('given a document with one entry appended, then the other entries are the previous ones and the rest is new', () => {
    const previous = cloneDocument({ _id: 'p', experiences: [entry(1), entry(2)], skills: { technical: ['TS'] } });
    const written = { ...cloneDocument(previous), experiences: [...cloneDocument(previous.experiences), entry(3)] };
    const stored = cloneSharing(written, previous);
    expect(stored).toEqual(written);
    expect(stored).not.toBe(written);
    expect(stored).not.toBe(previous);
    expect(stored.experiences).not.toBe(previous.experiences);
    expect(stored.experiences[0]).toBe(previous.experiences[0]);
    expect(stored.experiences[1]).toBe(previous.experiences[1]);
    expect(stored.experiences[2]).not.toBe(written.experiences[2]);
    expect(stored.skills).toBe(previous.skills);
  });

  it('given a changed entry, then only that entry (and its parents) are new; nothing it shares is the caller\'s', () => {
    const previous = cloneDocument({ _id: 'p', experiences: [entry(1), entry(2)] });
    const written = cloneDocument(previous);
    written.experiences[1]!.achievements.push('Led');
    const stored = cloneSharing(written, previous);
    expect(stored).toEqual(written);
    expect(stored.experiences[0]).toBe(previous.experiences[0]);
    expect(stored.experiences[1]).not.toBe(previous.experiences[1]);
    expect(stored.experiences[1]!.achievements).not.toBe(written.experiences[1]!.achievements);
    expect(stored.experiences[1]!.dates).toBe(previous.experiences[1]!.dates);
  });

  it('counts key order, value types, -0 and Date times as differences', () => {
    const previous = { a: { x: 1, y: 2 }, b: [1], c: { z: 0 }, d: new Date(1000) };
    const stored = cloneSharing({ a: { y: 2, x: 1 }, b: ['1'], c: { z: -0 }, d: new Date(2000) }, previous);
    expect(Object.keys(stored.a)).toEqual(['y', 'x']);
    expect(stored.b).toEqual(['1']);
    expect(Object.is(stored.c.z, -0)).toBe(true);
    expect(stored.d.getTime()).toBe(2000);
    const same = cloneSharing({ d: new Date(1000) }, { d: previous.d });
    expect(same.d).toBe(previous.d);
  });

  it('copies everything when there is no previous version', () => {
    const written = { _id: 'p', experiences: [entry(1)], when: new Date(5) };
    const stored = cloneSharing(written, undefined);
    expect(stored).toEqual(written);
    expect(stored.experiences[0]).not.toBe(written.experiences[0]);
    expect(stored.when).not.toBe(written.when);
  });
});
