import { ProfileSummary, ProfileView } from '../../contracts/profiles/read-model';
import { comparePartialDates } from '../../contracts/shared/primitives';
import { coveredMonths, durationMonths } from './durations';

/** Skills from every part of the profile, de-duplicated case-insensitively, first spelling kept. */
export function flattenSkills(p: ProfileView): string[] {
  const seen = new Map<string, string>();
  const candidates = [...p.skills.technical, ...p.projects.flatMap((x) => x.technologies), ...p.skills.soft];
  for (const skill of candidates) {
    const key = skill.trim().toLowerCase();
    if (key && !seen.has(key)) seen.set(key, skill.trim());
  }
  return [...seen.values()];
}

/** Most recent first: current roles, then by end date, then by start date. */
function recency(a: ProfileView['experiences'][number], b: ProfileView['experiences'][number]): number {
  if (a.is_current !== b.is_current) return a.is_current ? -1 : 1;
  const byEnd = comparePartialDates(b.end_date ?? b.start_date, a.end_date ?? a.start_date);
  return byEnd !== 0 ? byEnd : comparePartialDates(b.start_date, a.start_date);
}

/** The profile condensed for the generation pipeline. */
export function profileSummary(p: ProfileView, now: string): ProfileSummary {
  const experiences = [...p.experiences].sort(recency);
  return {
    profile_id: p.id,
    full_name: p.personal_info.full_name,
    headline: experiences[0] ? `${experiences[0].title} at ${experiences[0].company}` : null,
    professional_summary: p.professional_summary,
    skills: flattenSkills(p),
    languages: p.skills.languages.map((l) => `${l.name} (${l.proficiency.replace(/_/g, ' ')})`),
    certifications: p.skills.certifications.map((c) => (c.issuer ? `${c.name} — ${c.issuer}` : c.name)),
    total_experience_months: coveredMonths(p.experiences, now),
    experiences: experiences.map((e) => ({
      title: e.title,
      company: e.company,
      start_date: e.start_date,
      end_date: e.end_date,
      is_current: e.is_current,
      duration_months: durationMonths(e, now),
      description: e.description,
      achievements: e.achievements,
    })),
    education: p.education.map(({ degree, field_of_study, institution }) => ({ degree, field_of_study, institution })),
    projects: p.projects.map(({ name, technologies, description }) => ({ name, technologies, description })),
  };
}
