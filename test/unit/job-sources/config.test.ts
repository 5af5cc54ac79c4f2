import { loadConfig } from '../../../src/config';

/** JOB_SOURCES: a JSON array of boards, checked field by field at start-up. */
describe('JOB_SOURCES', () => {
  it('is empty when unset', () => {
    expect(loadConfig({}).job_sources).toEqual([]);
  });

  it('reads each board with its defaults', () => {
    const config = loadConfig({ JOB_SOURCES: JSON.stringify([{ id: 'acme', kind: 'lever', board: 'acme', company: 'Acme' }]) });
    expect(config.job_sources).toEqual([{ id: 'acme', kind: 'lever', board: 'acme', company: 'Acme', sync_interval_minutes: 60, timeout_ms: 10_000 }]);
  });

  it('names every bad field', () => {
    const sources = [
      { id: 'Acme Board', kind: 'workday', board: 'acme', company: '' },
      { id: 'dup', kind: 'greenhouse', board: 'a', company: 'A', base_url: 'ftp://x' },
      { id: 'dup', kind: 'greenhouse', board: 'b', company: 'B', typo: 1 },
    ];
    const error = (() => {
      try {
        loadConfig({ JOB_SOURCES: JSON.stringify(sources) });
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const path of ['JOB_SOURCES.0.id', 'JOB_SOURCES.0.kind', 'JOB_SOURCES.0.company', 'JOB_SOURCES.1.base_url', 'JOB_SOURCES.2']) expect(error).toContain(`${path}:`);
  });

  it('refuses two boards with one id', () => {
    const dup = { id: 'dup', kind: 'greenhouse', board: 'a', company: 'A' };
    expect(() => loadConfig({ JOB_SOURCES: JSON.stringify([dup, { ...dup, board: 'b' }]) })).toThrow(/JOB_SOURCES\.1\.id: duplicate source id dup/);
  });

  it('refuses JSON that does not parse', () => {
    expect(() => loadConfig({ JOB_SOURCES: '[{' })).toThrow(/JOB_SOURCES: is not valid JSON/);
  });
});
