import { randomUUID } from 'node:crypto';
import { ProfileCreateRequest } from '../../../contracts/profiles/requests';
import { ProfileView } from '../../../contracts/profiles/read-model';
import { profileAnalytics } from '../../../src/profiles/analytics';
import { profileSummary } from '../../../src/profiles/summary';
import { experienceBody, profileBody } from '../../support/fixtures';

const now = '2026-11-24T10:00:00.000Z';

function view(body: Record<string, unknown>): ProfileView {
  const input = ProfileCreateRequest.parse(body);
  const withId = <T>(x: T) => ({ ...x, id: randomUUID() });
  return {
    ...input,
    id: randomUUID(),
    user_id: randomUUID(),
    version: 1,
    created_at: now,
    updated_at: now,
    experiences: input.experiences.map(withId),
    education: input.education.map(withId),
    projects: input.projects.map(withId),
  };
}

const bare = () =>
  view({ personal_info: { full_name: 'Bo', email: 'bo@example.com' } });

describe('profile analytics', () => {
  it('gives a complete profile 100 with nothing to recommend', () => {
    const analytics = profileAnalytics(view(profileBody()), now);
    expect(analytics.completeness.overall).toBe(100);
    expect(Object.values(analytics.completeness.sections)).toEqual([100, 100, 100, 100, 100, 100]);
    expect(analytics.recommendations).toEqual([]);
  });

  it('scores a bare profile low and recommends the biggest gains first', () => {
    const analytics = profileAnalytics(bare(), now);
    // Only name+email: 40% of personal_info (weight 15) = 6 points.
    expect(analytics.completeness.overall).toBe(6);
    expect(analytics.recommendations[0]).toEqual({ section: 'experiences', message: 'Add your work experience', potential_gain: 15 });
    const gains = analytics.recommendations.map((r) => r.potential_gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
  });

  it('adding what a recommendation asks for raises the score by its gain', () => {
    const before = profileAnalytics(bare(), now);
    const advice = before.recommendations.find((r) => r.message === 'Add a phone number')!;
    const after = profileAnalytics(view({ personal_info: { full_name: 'Bo', email: 'bo@example.com', phone: '+1 555 0100' } }), now);
    expect(after.completeness.overall - before.completeness.overall).toBe(advice.potential_gain);
  });

  it('counts sections and does not double-count overlapping roles', () => {
    const analytics = profileAnalytics(
      view(
        profileBody({
          experiences: [
            experienceBody({ start_date: '2020-01', end_date: '2020-12', is_current: false }),
            experienceBody({ start_date: '2020-07', end_date: '2021-06', is_current: false }),
          ],
        }),
      ),
      now,
    );
    expect(analytics.counts.experiences).toBe(2);
    expect(analytics.counts.technical_skills).toBe(8);
    expect(analytics.total_experience_months).toBe(18);
  });
});

describe('profile summary', () => {
  it('orders experiences most recent first with durations in months', () => {
    const summary = profileSummary(view(profileBody()), now);
    expect(summary.experiences.map((e) => e.company)).toEqual(['Northwind Logistics', 'Contoso Payments']);
    // 2021-03 .. 2026-11 inclusive
    expect(summary.experiences[0].duration_months).toBe(69);
    // 2016-10 .. 2021-02 inclusive
    expect(summary.experiences[1].duration_months).toBe(53);
    expect(summary.headline).toBe('Senior Backend Engineer at Northwind Logistics');
  });

  it('flattens and de-duplicates skills case-insensitively', () => {
    const summary = profileSummary(
      view(profileBody({ skills: { technical: ['TypeScript', 'redis', 'Kafka'], soft: ['Mentoring', 'kafka'] } })),
      now,
    );
    expect(summary.skills).toEqual(['TypeScript', 'redis', 'Kafka', 'Mentoring']);
  });
});
