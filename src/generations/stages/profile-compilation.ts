import { StageOutput } from '../../../contracts/generations/events';
import { KeywordAnalysis } from '../../../contracts/jobs/keyword-analysis';
import { ProfileView } from '../../../contracts/profiles/read-model';
import { extractSkills, skillNamed } from '../../keywords';
import { Generation } from '../generation-decider';
import { profileGone, StageDeps, StageFailure } from './deps';

/**
 * profile_compilation: what of the profile the job can use. A job skill counts as matched when
 * the profile names it anywhere (its skills list, an experience, a project, a degree, the
 * summary), in any spelling the keyword engine knows ("Postgres" is PostgreSQL). The relevant
 * entries are the experiences, projects and degrees whose text names a job skill, ranked by the
 * summed weight of the skills they name.
 */
export async function compileProfile(generation: Generation, deps: StageDeps): Promise<StageOutput> {
  const { profile_id, profile_version, feedback } = generation.request;
  const analysis = generation.output.analysis;
  if (!analysis) throw new StageFailure('The job analysis is missing', false);
  const profile = await deps.profileAt(profile_id, profile_version);
  if (!profile) throw profileGone();
  if (isEmpty(profile)) {
    throw new StageFailure('The profile has nothing to draw on yet: add work experience, education, projects or skills', false);
  }

  const jobSkills = [...analysis.required_skills, ...analysis.preferred_skills];
  const entries = profileEntries(profile).filter((entry) => !feedback?.drop.includes(entry.id));
  const profileSkills = new Set([...listedSkills(profile), ...entries.flatMap((entry) => [...entry.skills])]);
  const key = (skill: string) => skill.toLowerCase();
  const has = new Set([...profileSkills].map(key));

  const weights = skillWeights(analysis);
  const ranked = entries
    .map((entry, order) => ({ id: entry.id, order, score: [...entry.skills].reduce((sum, skill) => sum + (weights.get(key(skill)) ?? 0), 0) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);

  return {
    compilation: {
      relevant_entry_ids: ranked.map((entry) => entry.id),
      matched_skills: jobSkills.filter((skill) => has.has(key(skill))),
      missing_skills: jobSkills.filter((skill) => !has.has(key(skill))),
    },
  };
}

const isEmpty = (p: ProfileView) =>
  p.experiences.length === 0 &&
  p.education.length === 0 &&
  p.projects.length === 0 &&
  p.skills.technical.length === 0 &&
  p.skills.soft.length === 0 &&
  p.skills.certifications.length === 0;

/** Each job skill's weight; a skill the analysis lists without a priority still counts a little. */
function skillWeights(analysis: KeywordAnalysis): Map<string, number> {
  const weights = new Map<string, number>();
  for (const skill of [...analysis.required_skills, ...analysis.preferred_skills]) weights.set(skill.toLowerCase(), 0.1);
  for (const k of analysis.priority_keywords) weights.set(k.keyword.toLowerCase(), Math.max(k.weight, 0.1));
  return weights;
}

interface Entry {
  id: string;
  skills: Set<string>;
}

/** Experiences, then projects, then degrees, in profile order, each with the canonical skills it names. */
function profileEntries(p: ProfileView): Entry[] {
  const entry = (id: string, texts: (string | null)[], listed: string[] = []): Entry => ({
    id,
    skills: new Set([...skillsIn(texts.filter((t): t is string => !!t).join('\n')), ...listed.flatMap(skillsOfItem)]),
  });
  return [
    ...p.experiences.map((e) => entry(e.id, [e.title, e.description, ...e.achievements])),
    ...p.projects.map((pr) => entry(pr.id, [pr.name, pr.description], pr.technologies)),
    ...p.education.map((ed) => entry(ed.id, [ed.degree, ed.field_of_study, ...ed.honors])),
  ];
}

/** Skills the profile names outside its entries: in the summary and the skills lists. */
function listedSkills(p: ProfileView): string[] {
  const items = [...p.skills.technical, ...p.skills.soft, ...p.skills.certifications.map((c) => c.name)];
  return [...skillsIn(p.professional_summary ?? ''), ...items.flatMap(skillsOfItem)];
}

/** A list item is a skill by its own name ("Go"), or by the skills its text names ("Postgres", "Kafka"). */
function skillsOfItem(item: string): string[] {
  const named = skillNamed(item);
  if (named) return [named.name];
  // Spellings that are also everyday words ("Kafka") count only in a skill context: give them one.
  const context = 'experience with ';
  const found = extractSkills(`${context}${item}`).filter((s) => s.offsets[0].start >= context.length);
  return found.map((s) => s.skill);
}

const skillsIn = (text: string) => extractSkills(text).map((found) => found.skill);
