import type { Source } from '../../../contracts/generations/content';
import { experienceYears, mostRecent } from '../dates';
import { draftLine, DraftItem, DraftLine } from '../draft';
import { byScore, scoreSkill, scoreText } from '../relevance';
import { joinList, sentencesOf } from '../text';
import type { ResumeContext } from './context';
import { rankedSkills, skillSource } from './skills';

const TOP_SKILLS = 4;
const SUMMARY_SENTENCES = 2;

/**
 * The summary says only what the profile says: the user's own summary sentences that matter to
 * the job (or its first one), then a line naming the profile's skills the job asks for. Without
 * a summary of their own: the most recent title and the years the profile's dates cover.
 */
export function summaryItems(ctx: ResumeContext): DraftItem[] {
  const lines = [...ownSentences(ctx), ...derivedLines(ctx)];
  return lines.length === 0 ? [] : [{ title: null, meta: null, lines, score: Infinity, removable: false }];
}

function ownSentences(ctx: ResumeContext): DraftLine[] {
  const sentences = sentencesOf(ctx.input.profile.professional_summary).map((text, index) => ({ text, index, score: scoreText(text, ctx.relevance) }));
  if (sentences.length === 0) return [];
  const relevant = sentences.filter((s) => s.score > 0);
  const chosen = (relevant.length > 0 ? byScore(relevant, (s) => s.score).slice(0, SUMMARY_SENTENCES) : sentences.slice(0, 1))
    .sort((a, b) => a.index - b.index);
  return chosen.map((s, i) => draftLine(s.text, [{ kind: 'summary', entry_id: null, index: s.index }], s.score + 1, i > 0));
}

function derivedLines(ctx: ResumeContext): DraftLine[] {
  const skills = rankedSkills(ctx).filter((s) => s.list === 'technical' && scoreSkill(s.name, ctx.relevance) > 0).slice(0, TOP_SKILLS);
  const skillSources = skills.map(skillSource);
  const names = joinList(skills.map((s) => s.name));
  if (ctx.input.profile.professional_summary) {
    return skills.length === 0 ? [] : [draftLine(`Key skills for this role: ${names}.`, skillSources, 2)];
  }
  const recent = mostRecent(ctx.input.profile.experiences);
  if (!recent) return skills.length === 0 ? [] : [draftLine(`Skilled in ${names}.`, skillSources, 2, false)];
  const years = experienceYears(ctx.input.profile);
  const experienceSources: Source[] = ctx.input.profile.experiences.map((e) => ({ kind: 'experience', entry_id: e.id, index: null }));
  const tenure = years >= 1 ? ` with ${years} ${years === 1 ? 'year' : 'years'} of experience` : '';
  const skilled = skills.length > 0 ? `, skilled in ${names}` : '';
  return [draftLine(`${recent.title}${tenure}${skilled}.`, [...experienceSources, ...skillSources], 2, false)];
}
