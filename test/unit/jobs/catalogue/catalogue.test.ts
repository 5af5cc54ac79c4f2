import { ExperienceLevel, RemotePolicy } from '../../../../contracts/jobs/job';
import { contentHash, loadStaticCatalogue, staticJobId } from '../../../../src/jobs/catalogue/catalogue';
import { uuidV5 } from '../../../../src/shared/ids';
import { validateJob } from '../../../../src/job-conversion';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('static job catalogue', () => {
  const catalogue = loadStaticCatalogue();

  it('given the bundled file, when loaded, then every entry parses and there are at least 60', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(60);
  });

  it('given the catalogue, then catalogue ids and derived job ids are unique', () => {
    const ids = catalogue.map((job) => job.catalogue_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map(staticJobId)).size).toBe(ids.length);
  });

  it('given the catalogue, then it is varied: industries, remote policies, seniority, employment types', () => {
    const contents = catalogue.map((job) => job.content);
    expect(new Set(contents.map((c) => c.industry)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(contents.map((c) => c.remote))).toEqual(new Set(RemotePolicy.options));
    expect(new Set(contents.map((c) => c.experience_level))).toEqual(new Set(ExperienceLevel.options));
    expect(new Set(contents.map((c) => c.employment_type)).size).toBe(5);
    expect(new Set(contents.map((c) => c.company)).size).toBeGreaterThanOrEqual(30);
  });

  it('given the catalogue, then every job has a real description, 4-10 requirements and a 2026 posting date', () => {
    for (const { catalogue_id, content } of catalogue) {
      const context = `${catalogue_id}: ${content.title}`;
      expect([context, content.description.length >= 150]).toEqual([context, true]);
      expect([context, content.requirements.length >= 4 && content.requirements.length <= 10]).toEqual([context, true]);
      expect([context, content.posted_date?.startsWith('2026-')]).toEqual([context, true]);
    }
  });

  it('given each job on its posting day, then the job validator finds neither errors nor warnings', () => {
    for (const { catalogue_id, content } of catalogue) {
      expect([catalogue_id, validateJob(content, content.posted_date ?? '2026-01-01').problems]).toEqual([catalogue_id, []]);
    }
  });
});

describe('staticJobId', () => {
  it('given the same catalogue id, when derived twice, then the UUID is the same v5 UUID', () => {
    expect(staticJobId('static-001')).toBe(staticJobId('static-001'));
    expect(staticJobId('static-001')).toMatch(UUID_V5);
    expect(staticJobId('static-001')).not.toBe(staticJobId('static-002'));
  });

  it('given the RFC 4122 DNS namespace test vector, then the v5 algorithm matches it', () => {
    // uuid v5("www.example.com", DNS namespace) is a published reference value.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('contentHash', () => {
  it('given the same content with keys in another order, then the hash is the same', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(contentHash({ b: { d: null, c: [1, 2] }, a: 1 }));
  });

  it('given a changed entry, then the hash changes', () => {
    const [first] = loadStaticCatalogue();
    const changed = { ...first.content, title: `${first.content.title} II` };
    expect(contentHash(changed)).not.toBe(first.content_hash);
  });
});

describe('loadStaticCatalogue with a broken file', () => {
  const valid = { catalogue_id: 'static-900', title: 'Baker', company: 'Crumb & Co', description: 'Bake bread every morning.' };

  it('given an invalid entry, when loaded, then the error names the entry and the field', () => {
    const raw = { jobs: [valid, { ...valid, catalogue_id: 'static-901', title: '' }] };
    expect(() => loadStaticCatalogue(raw)).toThrow(/static-901 \(entry 1\) is invalid: title: must not be empty/);
  });

  it('given a duplicate catalogue id, when loaded, then it is rejected', () => {
    expect(() => loadStaticCatalogue({ jobs: [valid, valid] })).toThrow(/static-900 \(entry 1\) is a duplicate/);
  });

  it('given a minimal valid entry, when loaded, then optional fields take their defaults', () => {
    const [job] = loadStaticCatalogue({ jobs: [valid] });
    expect(job.content).toMatchObject({ location: null, requirements: [], salary_range: null });
  });
});
