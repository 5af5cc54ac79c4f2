import type { GenerationInput } from '../../contracts/generations/content';
import { canonicalSkill, skillsIn } from './skills';
import { Settings } from './settings';

/**
 * How much a piece of profile text matters to the job. Glossary: a text's *relevance* is the sum
 * of the weights of the job's priority keywords it names (required ones count half again),
 * plus a point for each focus area it touches; anything the user asked to emphasise outranks
 * everything else.
 */

const REQUIRED_BONUS = 1.5;
const FOCUS_POINTS = 1;
const EMPHASIS_POINTS = 100;

export interface Relevance {
  /** Canonical skill → weight for this job. */
  weights: Map<string, number>;
  /** Focus areas as lower-case phrases and as canonical skills. */
  focusPhrases: string[];
  focusSkills: Set<string>;
  emphasisedIds: Set<string>;
  emphasisedSkills: Set<string>;
  droppedIds: Set<string>;
  /** Lower-cased skill names the user dropped (both as written and canonical). */
  droppedSkills: Set<string>;
}

function skillKeys(names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    keys.add(name.toLowerCase());
    const canonical = canonicalSkill(name);
    if (canonical) keys.add(canonical.skill.toLowerCase());
  }
  return keys;
}

export function relevanceFor(input: GenerationInput, settings: Settings): Relevance {
  const weights = new Map<string, number>();
  for (const k of input.job.analysis.priority_keywords) {
    weights.set(k.keyword, k.weight * (k.requirement === 'required' ? REQUIRED_BONUS : 1));
  }
  const ids = new Set([...input.profile.experiences, ...input.profile.education, ...input.profile.projects].map((e) => e.id));
  return {
    weights,
    focusPhrases: settings.focusAreas.map((f) => f.toLowerCase()),
    focusSkills: new Set(settings.focusAreas.flatMap((f) => skillsIn(f).map((s) => s.skill))),
    emphasisedIds: new Set(settings.emphasise.filter((e) => ids.has(e))),
    emphasisedSkills: skillKeys(settings.emphasise.filter((e) => !ids.has(e))),
    droppedIds: new Set(settings.drop.filter((e) => ids.has(e))),
    droppedSkills: skillKeys(settings.drop.filter((e) => !ids.has(e))),
  };
}

/** Relevance of a text to the job, the focus areas and the emphasised skills. */
export function scoreText(text: string, relevance: Relevance): number {
  const skills = skillsIn(text);
  const lower = text.toLowerCase();
  let score = 0;
  for (const { skill } of skills) score += relevance.weights.get(skill) ?? 0;
  for (const phrase of relevance.focusPhrases) if (lower.includes(phrase)) score += FOCUS_POINTS;
  for (const { skill } of skills) if (relevance.focusSkills.has(skill)) score += FOCUS_POINTS;
  for (const { skill, spelling } of skills) {
    if (relevance.emphasisedSkills.has(skill.toLowerCase()) || relevance.emphasisedSkills.has(spelling.toLowerCase())) score += EMPHASIS_POINTS;
  }
  return score;
}

/** Relevance of one skill list entry ("Kafka"), read as the taxonomy's skill ("Apache Kafka"). */
export function scoreSkill(name: string, relevance: Relevance): number {
  const canonical = canonicalSkill(name)?.skill;
  if (!canonical) return scoreText(name, relevance);
  const emphasised = relevance.emphasisedSkills.has(name.toLowerCase()) || relevance.emphasisedSkills.has(canonical.toLowerCase());
  return (relevance.weights.get(canonical) ?? 0)
    + (relevance.focusSkills.has(canonical) || relevance.focusPhrases.includes(name.toLowerCase()) ? FOCUS_POINTS : 0)
    + (emphasised ? EMPHASIS_POINTS : 0);
}

/** Relevance of a whole entry: its texts, plus the emphasis the user gave its id. */
export function scoreEntry(id: string, texts: Array<string | null>, relevance: Relevance): number {
  const own = texts.filter((t): t is string => !!t).reduce((sum, t) => sum + scoreText(t, relevance), 0);
  return own + (relevance.emphasisedIds.has(id) ? EMPHASIS_POINTS * 10 : 0);
}

/** Whether the user dropped this skill (by its spelling or canonical name). */
export function isDroppedSkill(name: string, relevance: Relevance): boolean {
  if (relevance.droppedSkills.has(name.toLowerCase())) return true;
  const canonical = canonicalSkill(name);
  return !!canonical && relevance.droppedSkills.has(canonical.skill.toLowerCase());
}

/** Sorts by descending score; equal scores keep their original order. */
export function byScore<T>(items: T[], score: (item: T) => number): T[] {
  return items
    .map((item, position) => ({ item, position, score: score(item) }))
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .map((x) => x.item);
}
