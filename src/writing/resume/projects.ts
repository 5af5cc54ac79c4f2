import type { ProjectEntity } from '../../../contracts/profiles/entities';
import { dateRange } from '../dates';
import { draftLine, DraftItem, line } from '../draft';
import { byScore, isDroppedSkill, scoreEntry, scoreSkill, scoreText } from '../relevance';
import { joinList, sentencesOf } from '../text';
import type { ResumeContext } from './context';

/** Projects by relevance; creative resumes say "Built with …", the others list "Technologies: …". */
export function projectItems(ctx: ResumeContext): DraftItem[] {
  const kept = ctx.input.profile.projects.filter((p) => !ctx.relevance.droppedIds.has(p.id));
  const score = (p: ProjectEntity) => scoreEntry(p.id, [p.name, p.description, ...p.technologies], ctx.relevance);
  return byScore(kept, score).map((p) => projectItem(p, ctx, score(p)));
}

function projectItem(p: ProjectEntity, ctx: ResumeContext, score: number): DraftItem {
  const source = { kind: 'project' as const, entry_id: p.id, index: null };
  const meta = [dateRange(p.start_date, p.end_date), p.url].filter(Boolean).join(' · ');
  const technologies = byScore(p.technologies.filter((t) => !isDroppedSkill(t, ctx.relevance)), (t) => scoreSkill(t, ctx.relevance));
  const stack = technologies.length === 0
    ? []
    : [draftLine(
      ctx.input.options.template === 'creative' ? `Built with ${joinList(technologies)}.` : `Technologies: ${technologies.join(', ')}`,
      [source],
      technologies.reduce((n, t) => n + scoreSkill(t, ctx.relevance), 0) + 0.1,
    )];
  const described = sentencesOf(p.description).map((s) => draftLine(s, [source], scoreText(s, ctx.relevance)));
  return {
    title: line(p.name, [source]),
    meta: meta ? line(meta, [source]) : null,
    lines: byScore([...described, ...stack], (l) => l.score),
    score,
    removable: true,
  };
}
