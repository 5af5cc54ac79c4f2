import type { ExperienceEntity } from '../../../contracts/profiles/entities';
import { dateRange } from '../dates';
import { draftLine, DraftItem, DraftLine, line } from '../draft';
import { byScore, scoreEntry, scoreText } from '../relevance';
import { sentencesOf } from '../text';
import type { ResumeContext } from './context';

/** Experiences by relevance to the job (most recent first on a tie), each with its lines by relevance. */
export function experienceItems(ctx: ResumeContext): DraftItem[] {
  const { relevance } = ctx;
  const kept = ctx.input.profile.experiences.filter((e) => !relevance.droppedIds.has(e.id));
  const recentFirst = [...kept].sort((a, b) => (b.end_date ?? '9999').localeCompare(a.end_date ?? '9999') || b.start_date.localeCompare(a.start_date));
  const ranked = byScore(recentFirst, (e) => scoreEntry(e.id, [e.title, e.description, ...e.achievements], relevance));
  return ranked.map((e, rank) => experienceItem(e, ctx, rank === 0));
}

function experienceItem(e: ExperienceEntity, ctx: ResumeContext, top: boolean): DraftItem {
  const source = { kind: 'experience' as const, entry_id: e.id, index: null };
  const place = [dateRange(e.start_date, e.end_date, e.is_current), e.location].filter(Boolean).join(' · ');
  const described: DraftLine[] = sentencesOf(e.description).map((s, i) =>
    // The first sentence of a description sets the scene: it outranks equally relevant lines.
    draftLine(s, [source], scoreText(s, ctx.relevance) + (i === 0 ? 0.25 : 0)),
  );
  const achieved: DraftLine[] = e.achievements.map((a, index) =>
    draftLine(a, [{ kind: 'achievement', entry_id: e.id, index }], scoreText(a, ctx.relevance) + 0.1),
  );
  const lines = byScore([...described, ...achieved], (l) => l.score);
  return {
    title: line(ctx.layout.roleTitle(e.title, e.company), [source]),
    meta: place ? line(place, [source]) : null,
    lines,
    score: scoreEntry(e.id, [e.title, e.description, ...e.achievements], ctx.relevance),
    removable: !top,
  };
}
