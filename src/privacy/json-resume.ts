import { JsonResume } from '../../contracts/privacy/json-resume';
import { ProfileView } from '../../contracts/profiles/read-model';

/** `{key: value}` when the value is present, `{}` otherwise. */
const opt = <K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> =>
  value === null || value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);

const FLUENCY: Record<string, string> = {
  elementary: 'Elementary proficiency',
  limited_working: 'Limited working proficiency',
  professional_working: 'Professional working proficiency',
  full_professional: 'Full professional proficiency',
  native: 'Native or bilingual proficiency',
};

export function toJsonResume(profile: ProfileView): JsonResume {
  const info = profile.personal_info;
  const profiles = [
    ...(info.linkedin ? [{ network: 'LinkedIn', url: info.linkedin }] : []),
    ...(info.github ? [{ network: 'GitHub', url: info.github }] : []),
  ];
  const skills = [
    ...(profile.skills.technical.length > 0 ? [{ name: 'Technical', keywords: profile.skills.technical }] : []),
    ...(profile.skills.soft.length > 0 ? [{ name: 'Soft skills', keywords: profile.skills.soft }] : []),
  ];
  return {
    basics: {
      name: info.full_name,
      ...opt('email', info.email),
      ...opt('phone', info.phone),
      ...opt('url', info.website),
      ...opt('summary', profile.professional_summary),
      ...(info.location ? { location: { address: info.location } } : {}),
      profiles,
    },
    work: profile.experiences.map((e) => ({
      name: e.company,
      position: e.title,
      ...opt('location', e.location),
      ...opt('summary', e.description),
      highlights: e.achievements,
      ...opt('startDate', e.start_date),
      ...opt('endDate', e.end_date),
    })),
    education: profile.education.map((e) => ({
      institution: e.institution,
      studyType: e.degree,
      ...opt('area', e.field_of_study),
      ...opt('score', e.gpa === null ? null : String(e.gpa)),
      courses: e.honors,
      ...opt('startDate', e.start_date),
      ...opt('endDate', e.end_date),
    })),
    projects: profile.projects.map((p) => ({
      name: p.name,
      ...opt('description', p.description),
      ...opt('url', p.url),
      keywords: p.technologies,
      ...opt('startDate', p.start_date),
      ...opt('endDate', p.end_date),
    })),
    skills,
    languages: profile.skills.languages.map((l) => ({ language: l.name, fluency: FLUENCY[l.proficiency] ?? l.proficiency })),
    certificates: profile.skills.certifications.map((c) => ({ name: c.name, ...opt('issuer', c.issuer), ...opt('date', c.date_obtained) })),
  };
}
