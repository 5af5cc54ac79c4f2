import { ProfileAnalytics, ProfileView } from '../../contracts/profiles/read-model';
import { coveredMonths } from './durations';

/**
 * Completeness: how ready a profile is for tailoring, 0–100.
 *
 * Each section scores 0–100 from the checks below (each check's share in brackets); the
 * overall score is the weighted sum of sections:
 *   personal_info 15: name+email [40], phone [20], location [20], a LinkedIn/GitHub/website link [20]
 *   professional_summary 15: any summary [50], at least 100 characters [50]
 *   experiences 30: at least one [50], every entry has a description [25], every entry has an achievement [25]
 *   education 10: at least one [80], every entry names its field of study [20]
 *   skills 20: technical skills, 8 or more for full marks [60], soft skills, 3 or more [20], a language or certification [20]
 *   projects 10: at least one [60], every project has a description and technologies [40]
 * A recommendation is emitted for every unmet check, with the overall points it would add.
 */

type Section = keyof ProfileAnalytics['completeness']['sections'];

export const SECTION_WEIGHTS: Record<Section, number> = {
  personal_info: 15,
  professional_summary: 15,
  experiences: 30,
  education: 10,
  skills: 20,
  projects: 10,
};

interface Check {
  section: Section;
  share: number;
  /** 0..1 — fraction of the check that is met. */
  met: number;
  advice: string;
}

const ratio = (count: number, target: number) => Math.min(count, target) / target;
const all = <T>(items: T[], test: (item: T) => boolean) => items.length > 0 && items.every(test);

function checks(p: ProfileView): Check[] {
  const info = p.personal_info;
  const summary = p.professional_summary ?? '';
  const { technical, soft, languages, certifications } = p.skills;
  return [
    { section: 'personal_info', share: 40, met: 1, advice: 'Add your name and e-mail' },
    { section: 'personal_info', share: 20, met: info.phone ? 1 : 0, advice: 'Add a phone number' },
    { section: 'personal_info', share: 20, met: info.location ? 1 : 0, advice: 'Add your location (city, country)' },
    { section: 'personal_info', share: 20, met: info.linkedin || info.github || info.website ? 1 : 0, advice: 'Add a LinkedIn, GitHub or personal website link' },
    { section: 'professional_summary', share: 50, met: summary ? 1 : 0, advice: 'Write a professional summary' },
    { section: 'professional_summary', share: 50, met: summary.length >= 100 ? 1 : 0, advice: 'Expand your summary to at least 100 characters' },
    { section: 'experiences', share: 50, met: p.experiences.length > 0 ? 1 : 0, advice: 'Add your work experience' },
    { section: 'experiences', share: 25, met: all(p.experiences, (e) => Boolean(e.description)) ? 1 : 0, advice: 'Describe each role' },
    { section: 'experiences', share: 25, met: all(p.experiences, (e) => e.achievements.length > 0) ? 1 : 0, advice: 'List at least one achievement for each role' },
    { section: 'education', share: 80, met: p.education.length > 0 ? 1 : 0, advice: 'Add your education' },
    { section: 'education', share: 20, met: all(p.education, (e) => Boolean(e.field_of_study)) ? 1 : 0, advice: 'Add the field of study of each degree' },
    { section: 'skills', share: 60, met: ratio(technical.length, 8), advice: 'List at least 8 technical skills' },
    { section: 'skills', share: 20, met: ratio(soft.length, 3), advice: 'List at least 3 soft skills' },
    { section: 'skills', share: 20, met: languages.length + certifications.length > 0 ? 1 : 0, advice: 'Add a language or certification' },
    { section: 'projects', share: 60, met: p.projects.length > 0 ? 1 : 0, advice: 'Add a project' },
    { section: 'projects', share: 40, met: all(p.projects, (x) => Boolean(x.description) && x.technologies.length > 0) ? 1 : 0, advice: 'Give each project a description and its technologies' },
  ];
}

export function profileAnalytics(p: ProfileView, now: string): ProfileAnalytics {
  const all = checks(p);
  const sections = Object.fromEntries(
    (Object.keys(SECTION_WEIGHTS) as Section[]).map((section) => [
      section,
      Math.round(all.filter((c) => c.section === section).reduce((sum, c) => sum + c.share * c.met, 0)),
    ]),
  ) as Record<Section, number>;
  const overall = Math.round(
    (Object.keys(SECTION_WEIGHTS) as Section[]).reduce((sum, s) => sum + (sections[s] * SECTION_WEIGHTS[s]) / 100, 0),
  );
  const recommendations = all
    .filter((c) => c.met < 1)
    .map((c) => ({
      section: c.section,
      message: c.advice,
      potential_gain: Math.round((c.share * (1 - c.met) * SECTION_WEIGHTS[c.section]) / 100),
    }))
    .sort((a, b) => b.potential_gain - a.potential_gain);

  return {
    profile_id: p.id,
    completeness: { overall, sections },
    counts: {
      experiences: p.experiences.length,
      education: p.education.length,
      projects: p.projects.length,
      technical_skills: p.skills.technical.length,
      soft_skills: p.skills.soft.length,
      languages: p.skills.languages.length,
      certifications: p.skills.certifications.length,
      achievements: p.experiences.reduce((n, e) => n + e.achievements.length, 0),
    },
    total_experience_months: coveredMonths(p.experiences, now),
    recommendations,
  };
}
