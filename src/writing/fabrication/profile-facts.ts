import type { ProfileView } from '../../../contracts/profiles/read-model';
import { experienceYears } from '../dates';
import { canonicalSkill, skillsIn } from '../skills';
import { escapeRegExp, normalized } from '../text';
import { datesIn, maskContacts, quantitiesIn } from './quantities';

/** Everything the profile states, indexed for "does the profile say this?" checks. */
export interface ProfileFacts {
  /** Every text of the profile, normalized, joined with a separator no phrase spans. */
  corpus: string;
  numbers: Set<number>;
  percentages: Set<number>;
  amounts: Set<number>;
  years: Set<string>;
  /** Every date field and ISO date in the text, e.g. `2021-03`, `2021-03-15`. */
  dates: string[];
  /** Canonical names of every skill the profile names anywhere. */
  skills: Set<string>;
  /** Certification names, as their words (lower case). */
  certifications: string[][];
  /** Whole years of experience the profile's dates support. */
  experienceYears: number;
}

/** The profile's free text: what a person wrote, where numbers are claims. */
export function profileTexts(profile: ProfileView): string[] {
  const info = profile.personal_info;
  const skills = profile.skills;
  return [
    info.full_name, info.location, profile.professional_summary,
    ...profile.experiences.flatMap((e) => [e.title, e.company, e.location, e.description, ...e.achievements]),
    ...profile.education.flatMap((e) => [e.institution, e.degree, e.field_of_study, ...e.honors, e.gpa === null ? null : String(e.gpa)]),
    ...profile.projects.flatMap((p) => [p.name, p.description, ...p.technologies]),
    ...skills.technical, ...skills.soft, ...skills.languages.map((l) => l.name),
    ...skills.certifications.flatMap((c) => [c.name, c.issuer, c.credential_id]),
  ].filter((t): t is string => !!t);
}

function dateFields(profile: ProfileView): string[] {
  return [
    ...profile.experiences.flatMap((e) => [e.start_date, e.end_date]),
    ...profile.education.flatMap((e) => [e.start_date, e.end_date]),
    ...profile.projects.flatMap((p) => [p.start_date, p.end_date]),
    ...profile.skills.certifications.flatMap((c) => [c.date_obtained, c.expiry_date]),
  ].filter((d): d is string => !!d);
}

export const CERTIFICATION_FILLER = new Set(['certified', 'certification', 'certificate', 'certifications', 'the', 'of', '-', '—']);
export const certificationWords = (name: string): string[] =>
  normalized(name).split(' ').filter((w) => w.length > 0 && !CERTIFICATION_FILLER.has(w));

export function profileFacts(profile: ProfileView): ProfileFacts {
  const texts = profileTexts(profile).map(maskContacts);
  const quantities = texts.flatMap(quantitiesIn);
  const valuesOf = (kind: string) => new Set(quantities.filter((q) => q.kind === kind).map((q) => q.value));
  const fields = dateFields(profile);
  const textDates = texts.flatMap(datesIn);
  const skillNames = [...profile.skills.technical, ...profile.skills.soft, ...profile.skills.certifications.map((c) => c.name)];
  return {
    corpus: ` ${texts.map(normalized).join(' | ')} `,
    numbers: valuesOf('number'),
    percentages: valuesOf('percentage'),
    amounts: valuesOf('amount'),
    years: new Set([...fields.map((d) => d.slice(0, 4)), ...textDates.map((d) => d.year)]),
    dates: [...fields, ...textDates.map((d) => d.month).filter((m): m is string => !!m)],
    skills: new Set([
      ...texts.flatMap((t) => skillsIn(t).map((s) => s.skill)),
      ...skillNames.map((n) => canonicalSkill(n)?.skill).filter((s): s is string => !!s),
    ]),
    certifications: profile.skills.certifications.map((c) => certificationWords(c.name)),
    experienceYears: experienceYears(profile),
  };
}

/** Whether the profile states this phrase (case and punctuation aside). */
export function profileSays(facts: ProfileFacts, phrase: string): boolean {
  const wanted = normalized(phrase);
  return wanted.length > 0 && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(wanted)}(?![\\p{L}\\p{N}])`, 'u').test(facts.corpus);
}
