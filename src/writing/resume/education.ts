import type { EducationEntity } from '../../../contracts/profiles/entities';
import { dateRange } from '../dates';
import { draftLine, DraftItem, line } from '../draft';
import { byScore, scoreEntry } from '../relevance';
import type { ResumeContext } from './context';

export function educationItems(ctx: ResumeContext): DraftItem[] {
  const kept = ctx.input.profile.education.filter((e) => !ctx.relevance.droppedIds.has(e.id));
  const score = (e: EducationEntity) => scoreEntry(e.id, [e.degree, e.field_of_study, e.institution, ...e.honors], ctx.relevance);
  return byScore(kept, score).map((e, rank) => {
    const source = { kind: 'education' as const, entry_id: e.id, index: null };
    const degree = [e.degree, e.field_of_study].filter(Boolean).join(' ');
    const lines = [
      ...(e.gpa !== null ? [draftLine(`GPA ${e.gpa}`, [source], 0)] : []),
      ...e.honors.map((h, index) => draftLine(h, [{ kind: 'education' as const, entry_id: e.id, index }], 0)),
    ];
    const dates = dateRange(e.start_date, e.end_date);
    return {
      title: line(`${degree}, ${e.institution}`, [source]),
      meta: dates ? line(dates, [source]) : null,
      lines,
      score: score(e) + 0.5,
      removable: rank > 0,
    };
  });
}
