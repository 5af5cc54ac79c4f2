import { LEVEL_NAMES, levelOfTitle, levelOfYears, titleWithoutSeniority } from '../../contracts/job-search/features';
import { JobSearchDocument } from '../../contracts/job-search/read-model';
import { MatchExplanation, MatchPart } from '../../contracts/job-search/http';
import { ProfileSummary } from '../../contracts/profiles/read-model';
import { extractSkills, queryTerms } from '../keywords';

/**
 * How well one job fits the caller's profile, as a score 0–100 made of three parts and the
 * reasons for each. Pure: the profile's features are worked out once per request
 * (`profileFeatures`), the job's once per change by the job-search projection.
 *
 *   skills    (weight 0.6)  the job's skills the profile has, required ones counting twice as
 *                           much as preferred ones (through the keyword engine's taxonomy, so
 *                           "k8s" on the profile is Kubernetes in the posting);
 *   title     (weight 0.25) the share of words the job title has in common with the closest
 *                           title of the profile (its experiences, the most recent — the
 *                           headline — counting fully, older ones at 0.8), seniority words aside;
 *   seniority (weight 0.15) 1 at the same level, a third less for each level apart (0–6 scale).
 *
 * A title or seniority the data cannot judge (no title on the profile, no level on either side)
 * is left out and the other parts share its weight, so a missing field neither helps nor hurts.
 * Skills are always judged: a posting that names none scores 0 on them.
 */
export const WEIGHTS = { skills: 0.6, title: 0.25, seniority: 0.15 } as const;
const REQUIRED_WEIGHT = 2;
const PREFERRED_WEIGHT = 1;
const OLDER_TITLE = 0.8;

export interface ProfileFeatures {
  /** Canonical skill names (and, for names the taxonomy does not know, their lower case). */
  skills: Set<string>;
  titles: Array<{ title: string; terms: Set<string>; weight: number }>;
  level: number | null;
  level_reason: string | null;
}

export type ScoredJob = Pick<JobSearchDocument, 'id' | 'required_skills' | 'preferred_skills' | 'title_terms' | 'level' | 'title'>;

export function profileFeatures(profile: ProfileSummary): ProfileFeatures {
  const skills = new Set<string>();
  for (const typed of profile.skills) {
    const found = extractSkills(typed).map((s) => s.skill);
    if (found.length === 0) skills.add(typed.trim().toLowerCase());
    for (const skill of found) skills.add(skill);
  }
  const experienceText = profile.experiences.flatMap((e) => [e.title, e.description ?? '', ...e.achievements]).join('\n');
  const projectText = profile.projects.map((p) => p.description ?? '').join('\n');
  for (const found of extractSkills(`${experienceText}\n${projectText}`)) skills.add(found.skill);
  // Lower-case forms too, so a job skill the taxonomy does not know matches whatever its case.
  for (const skill of [...skills]) skills.add(skill.toLowerCase());

  // Experiences come most recent first; the first is the headline.
  const titles = profile.experiences.map((e, i) => ({ title: e.title, terms: new Set(queryTerms(titleWithoutSeniority(e.title))), weight: i === 0 ? 1 : OLDER_TITLE }));
  const current = profile.experiences[0];
  const fromTitle = current ? levelOfTitle(current.title) : null;
  const years = profile.total_experience_months / 12;
  const level = fromTitle ?? (profile.experiences.length > 0 ? levelOfYears(years) : null);
  const level_reason =
    level === null ? null : fromTitle !== null ? `your current title "${current!.title}" says ${LEVEL_NAMES[level]}` : `${Math.floor(years)} years of experience suggest ${LEVEL_NAMES[level]}`;
  return { skills, titles, level, level_reason };
}

/** Job skills are canonical taxonomy names (the projection extracts them), so one look-up decides. */
const hasSkill = (profile: ProfileFeatures, skill: string) => profile.skills.has(skill);

/** The three part values, rounded as the explanation shows them (null: not judged). */
function partValues(profile: ProfileFeatures, job: ScoredJob): [number, number | null, number | null] {
  let total = 0;
  let got = 0;
  for (const skill of job.required_skills) {
    total += REQUIRED_WEIGHT;
    if (profile.skills.has(skill)) got += REQUIRED_WEIGHT;
  }
  for (const skill of job.preferred_skills) {
    total += PREFERRED_WEIGHT;
    if (profile.skills.has(skill)) got += PREFERRED_WEIGHT;
  }
  const skills = total === 0 ? 0 : round3(got / total);
  const title = profile.titles.length === 0 ? null : round3(bestTitle(profile, job).value);
  const seniority = job.level === null || profile.level === null ? null : round3(Math.max(0, 1 - Math.abs(job.level - profile.level) / 3));
  return [skills, title, seniority];
}

/** The match score alone (what `matchJob` reports), without building the explanation: for ranking every job. */
export function matchScore(profile: ProfileFeatures, job: ScoredJob): number {
  const [skills, title, seniority] = partValues(profile, job);
  let weight: number = WEIGHTS.skills;
  let sum = 100 * WEIGHTS.skills * skills;
  if (title !== null) [weight, sum] = [weight + WEIGHTS.title, sum + 100 * WEIGHTS.title * title];
  if (seniority !== null) [weight, sum] = [weight + WEIGHTS.seniority, sum + 100 * WEIGHTS.seniority * seniority];
  return Math.round(sum / weight);
}

function bestTitle(profile: ProfileFeatures, job: ScoredJob) {
  let best = { value: 0, title: profile.titles[0]?.title ?? '', shared: 0 };
  const jobTerms = new Set(job.title_terms);
  for (const title of profile.titles) {
    let shared = 0;
    for (const term of jobTerms) if (title.terms.has(term)) shared++;
    const union = title.terms.size + jobTerms.size - shared;
    const value = union === 0 ? 0 : (shared / union) * title.weight;
    if (value > best.value) best = { value, title: title.title, shared };
  }
  return best;
}

/** The match of one job with the profile: the score, its parts and the skills behind them. */
export function matchJob(profile: ProfileFeatures, job: ScoredJob): MatchExplanation {
  const matched = [...job.required_skills, ...job.preferred_skills].filter((s) => hasSkill(profile, s));
  const missing = job.required_skills.filter((s) => !hasSkill(profile, s));
  const missingPreferred = job.preferred_skills.filter((s) => !hasSkill(profile, s));
  const parts = [skillsPart(profile, job, matched), titlePart(profile, job), seniorityPart(profile, job)];
  const totalWeight = parts.filter((p) => p.value !== null).reduce((sum, p) => sum + p.weight, 0);
  for (const part of parts) part.points = part.value === null ? 0 : round1((100 * part.weight * part.value) / totalWeight);
  const score = matchScore(profile, job);
  return { profile_used: true, match_score: score, parts, matched_skills: matched, missing_skills: missing, missing_preferred_skills: missingPreferred };
}

function skillsPart(profile: ProfileFeatures, job: ScoredJob, matched: string[]): MatchPart {
  const total = job.required_skills.length * REQUIRED_WEIGHT + job.preferred_skills.length * PREFERRED_WEIGHT;
  // Always judged: a posting that names no skill cannot be a skill match, and must not rank above one that is.
  if (total === 0) return { name: 'skills', weight: WEIGHTS.skills, value: 0, points: 0, detail: 'the posting names no skill, so none of yours can match' };
  const got = job.required_skills.filter((s) => hasSkill(profile, s)).length * REQUIRED_WEIGHT + job.preferred_skills.filter((s) => hasSkill(profile, s)).length * PREFERRED_WEIGHT;
  const required = job.required_skills.filter((s) => hasSkill(profile, s)).length;
  const detail = `you have ${required} of ${job.required_skills.length} required and ${matched.length - required} of ${job.preferred_skills.length} preferred skills`;
  return { name: 'skills', weight: WEIGHTS.skills, value: round3(got / total), points: 0, detail };
}

function titlePart(profile: ProfileFeatures, job: ScoredJob): MatchPart {
  if (profile.titles.length === 0) return { name: 'title', weight: WEIGHTS.title, value: null, points: 0, detail: 'your profile has no job title' };
  const best = bestTitle(profile, job);
  const jobTerms = new Set(job.title_terms);
  const detail = best.value === 0 ? `no word in common with your titles` : `"${job.title}" shares ${best.shared} of its ${jobTerms.size} words with your title "${best.title}"`;
  return { name: 'title', weight: WEIGHTS.title, value: round3(best.value), points: 0, detail };
}

function seniorityPart(profile: ProfileFeatures, job: ScoredJob): MatchPart {
  if (job.level === null || profile.level === null) {
    return { name: 'seniority', weight: WEIGHTS.seniority, value: null, points: 0, detail: job.level === null ? 'the posting states no seniority' : 'your profile has no experience to judge seniority by' };
  }
  const apart = Math.abs(job.level - profile.level);
  const value = Math.max(0, 1 - apart / 3);
  const detail = `the job is ${LEVEL_NAMES[job.level]}; ${profile.level_reason}`;
  return { name: 'seniority', weight: WEIGHTS.seniority, value: round3(value), points: 0, detail };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
