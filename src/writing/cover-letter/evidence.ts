import type { Source } from '../../../contracts/generations/content';
import type { ProfileView } from '../../../contracts/profiles/read-model';
import { byScore, isDroppedSkill, Relevance, scoreEntry, scoreText } from '../relevance';
import { listedSkills, skillsIn } from '../skills';
import { sentencesOf } from '../text';

/**
 * Evidence for a cover letter paragraph: one experience or project that names a skill the job
 * asks for, the skill as the profile spells it, and the entry's sentence that shows it best.
 */
export interface Evidence {
  kind: 'experience' | 'project';
  id: string;
  score: number;
  /** The skill as the profile writes it, with where that spelling comes from. */
  skill: { name: string; canonical: string; sources: Source[] } | null;
  /** A sentence of the entry, verbatim, and its source. */
  proof: { text: string; source: Source } | null;
}

const PROOF_BONUS = 10;

interface Candidate { id: string; kind: 'experience' | 'project'; texts: string[]; proofs: Array<{ text: string; source: Source }> }

function candidates(profile: ProfileView): Candidate[] {
  const experiences = profile.experiences.map((e): Candidate => {
    const source: Source = { kind: 'experience', entry_id: e.id, index: null };
    const proofs = [
      ...e.achievements.map((text, index) => ({ text, source: { kind: 'achievement' as const, entry_id: e.id, index } })),
      ...sentencesOf(e.description).map((text) => ({ text, source })),
    ];
    return { id: e.id, kind: 'experience', texts: [e.title, ...proofs.map((p) => p.text)], proofs };
  });
  const projects = profile.projects.map((p): Candidate => {
    const source: Source = { kind: 'project', entry_id: p.id, index: null };
    const proofs = sentencesOf(p.description).map((text) => ({ text, source }));
    return { id: p.id, kind: 'project', texts: [p.name, ...p.technologies, ...proofs.map((x) => x.text)], proofs };
  });
  return [...experiences, ...projects];
}

/** The best skill of an entry for this job, as the profile spells it (its skill list first, else the entry's text). */
function bestSkill(c: Candidate, profile: ProfileView, relevance: Relevance, used: Set<string>): Evidence['skill'] {
  const listed = listedSkills(profile);
  const mentions = c.texts.flatMap((t) => skillsIn(t)).filter((m) => relevance.weights.has(m.skill) && !isDroppedSkill(m.skill, relevance));
  const ranked = byScore(mentions, (m) => (relevance.weights.get(m.skill) ?? 0) - (used.has(m.skill) ? 1 : 0));
  const best = ranked[0];
  if (!best) return null;
  used.add(best.skill);
  const inList = listed.find((s) => s.canonical === best.skill);
  const entrySource: Source = { kind: c.kind, entry_id: c.id, index: null };
  return inList
    ? { name: inList.name, canonical: best.skill, sources: [entrySource, { kind: 'skill', entry_id: inList.list, index: inList.index }] }
    : { name: best.spelling, canonical: best.skill, sources: [entrySource] };
}

/** Up to `count` entries that match the job best, each with a distinct leading skill where it can. */
export function evidenceFor(profile: ProfileView, relevance: Relevance, count: number): Evidence[] {
  const pool = candidates(profile).filter((c) => !relevance.droppedIds.has(c.id));
  const ranked = byScore(pool, (c) => scoreEntry(c.id, c.texts, relevance)).slice(0, count);
  const used = new Set<string>();
  return ranked.map((c) => {
    const skill = bestSkill(c, profile, relevance, used);
    // The sentence that names the chosen skill proves it best.
    const shows = (text: string) => (skill && skillsIn(text).some((m) => m.skill === skill.canonical) ? PROOF_BONUS : 0);
    const proof = byScore(c.proofs, (p) => scoreText(p.text, relevance) + shows(p.text))[0] ?? null;
    return { kind: c.kind, id: c.id, score: scoreEntry(c.id, c.texts, relevance), skill, proof };
  });
}
