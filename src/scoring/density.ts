import type { Assessment, Measured } from './checks';
import { LIST_SECTIONS, mentionCounts, ResumeLine } from './resume-lines';
import { quote } from './text';

/**
 * Keyword density: the share of skill mentions (any skill of the taxonomy, synonyms folded) that
 * are not stuffed. A skill's stuffed mentions are the larger of
 *   - its mentions beyond the allowed count, max(MIN_ALLOWED, ⌊ALLOWED_PER_100_WORDS × words / 100⌋), and
 *   - its mentions in keyword lists outside the skills, certifications and languages sections.
 * Not applicable when the resume names no skill at all.
 */
export const ALLOWED_PER_100_WORDS = 2;
export const MIN_ALLOWED = 3;

export function allowedMentions(words: number): number {
  return Math.max(MIN_ALLOWED, Math.floor((ALLOWED_PER_100_WORDS * words) / 100));
}

export function keywordDensity(lines: ResumeLine[]): Assessment {
  const words = lines.reduce((sum, l) => sum + l.words, 0);
  const counts = mentionCounts(lines);
  const mentions = [...counts.values()].reduce((a, b) => a + b, 0);
  if (mentions === 0) {
    return { detail: 'Not applicable: the resume names no skill, so no keyword can be repeated or stuffed.', checks: [], suggestions: [] };
  }
  const allowed = allowedMentions(words);
  const stuffedLines = lines.filter((l) => l.keywordList && !LIST_SECTIONS.has(l.section));
  const inStuffedLines = mentionCounts(stuffedLines);
  const checks: Measured[] = [];
  const suggestions: string[] = [];
  let clean = 0;
  let cleanSkills = 0;
  let stuffedTotal = 0;
  for (const [skill, count] of counts) {
    const excess = Math.max(0, count - allowed);
    const stuffed = Math.max(excess, inStuffedLines.get(skill) ?? 0);
    if (stuffed === 0) {
      clean += count;
      cleanSkills++;
      continue;
    }
    stuffedTotal += stuffed;
    checks.push({
      check: skill,
      baseWeight: count / mentions,
      score: 1 - stuffed / count,
      note: `${count} mentions, ${allowed} allowed for ${words} words; ${stuffed} stuffed`
        + ((inStuffedLines.get(skill) ?? 0) > 0 ? ` (${inStuffedLines.get(skill)} in keyword lists outside the skills section)` : ''),
      line_paths: lines.filter((l) => l.skills.some((s) => s.skill === skill)).map((l) => l.path),
    });
    if (excess > 0) {
      suggestions.push(`Too many repetitions of '${skill}' (${count}): a resume of ${words} words carries about ${allowed} before it reads as stuffed; keep the mentions that say what you did with it.`);
    }
  }
  if (clean > 0) {
    checks.push({
      check: 'other_mentions', baseWeight: clean / mentions, score: 1,
      note: `${clean} mentions of ${cleanSkills} skills within the allowed rate and outside keyword lists`, line_paths: [],
    });
  }
  for (const line of stuffedLines) {
    suggestions.push(`Turn the keyword list ${quote(line.text)} in the ${line.section} into a sentence about what you did, or move the skills to the skills section.`);
  }
  return {
    detail: `${mentions} skill mentions in ${words} words (at most ${allowed} per skill); ${stuffedTotal} of them stuffed `
      + `(repeated beyond that or in keyword lists outside the skills section, ${stuffedLines.length} such lines).`,
    checks,
    suggestions,
  };
}
