import {
  clearLagSources,
  collectProcessMetrics,
  eventStoreAppendDuration,
  rateLimitRejections,
  registerLagSource,
  renderMetrics,
} from '../../../src/shared/metrics';
import { parsePrometheusText, sampleValue } from '../../support/prometheus-text';

async function scrape() {
  const { contentType, body } = await renderMetrics();
  expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(body);
}

describe('the metrics registry', () => {
  afterEach(() => clearLagSources());

  it('counts rate-limit rejections by class', async () => {
    const before = sampleValue(await scrape(), 'jobwise_rate_limit_rejections_total', { class: 'profiles.create' });
    rateLimitRejections.inc({ class: 'profiles.create' });
    rateLimitRejections.inc({ class: 'profiles.create' });
    const after = await scrape();
    expect(after.types.get('jobwise_rate_limit_rejections_total')).toBe('counter');
    expect(sampleValue(after, 'jobwise_rate_limit_rejections_total', { class: 'profiles.create' })).toBe(before + 2);
  });

  it('reads projector and relay lag from the registered sources at each scrape; a failing source is left out', async () => {
    registerLagSource('projector', async () => [
      { name: 'profiles', events: 3, seconds: 1.5 },
      { name: 'jobs', events: 0, seconds: 0 },
    ]);
    registerLagSource('relay', async () => {
      throw new Error('event store down');
    });
    const exposition = await scrape();
    expect(sampleValue(exposition, 'jobwise_projector_lag_events', { name: 'profiles' })).toBe(3);
    expect(sampleValue(exposition, 'jobwise_projector_lag_seconds', { name: 'profiles' })).toBe(1.5);
    expect(exposition.samples.filter((s) => s.name === 'jobwise_relay_lag_events')).toEqual([]);
  });

  it('has histograms and the Node process metrics', async () => {
    collectProcessMetrics();
    collectProcessMetrics();
    eventStoreAppendDuration.observe({ outcome: 'ok' }, 0.002);
    const exposition = await scrape();
    expect(exposition.types.get('jobwise_event_store_append_duration_seconds')).toBe('histogram');
    expect(sampleValue(exposition, 'jobwise_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(exposition, 'jobwise_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
