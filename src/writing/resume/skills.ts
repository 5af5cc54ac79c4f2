import type { Source } from '../../../contracts/generations/content';
import { draftLine, DraftItem, DraftLine } from '../draft';
import { byScore, isDroppedSkill, scoreSkill, scoreText } from '../relevance';
import { ListedSkill, listedSkills } from '../skills';
import type { ResumeContext } from './context';

/**
 * The profile's skills, those the job asks for first. A skill source names its list in
 * `entry_id` ('technical' or 'soft') and its position in `index`.
 */

export const skillSource = (s: ListedSkill): Source => ({ kind: 'skill', entry_id: s.list, index: s.index });

/** Listed skills not dropped, by relevance to the job. */
export function rankedSkills(ctx: ResumeContext): ListedSkill[] {
  const kept = listedSkills(ctx.input.profile).filter((s) => !isDroppedSkill(s.name, ctx.relevance));
  return byScore(kept, (s) => scoreSkill(s.name, ctx.relevance));
}

const CATEGORY_LABELS: Partial<Record<string, string>> = {
  language: 'Languages',
  framework: 'Frameworks',
  database: 'Databases',
  cloud: 'Cloud',
  devops: 'Delivery & operations',
  data: 'Data',
  testing: 'Testing',
  soft_skill: 'Ways of working',
};

function listLine(label: string, skills: ListedSkill[], ctx: ResumeContext): DraftLine {
  const score = skills.reduce((n, s) => n + scoreSkill(s.name, ctx.relevance), 0);
  return draftLine(`${label}: ${skills.map((s) => s.name).join(', ')}`, skills.map(skillSource), score + 1);
}

export function skillItems(ctx: ResumeContext): DraftItem[] {
  const ranked = rankedSkills(ctx);
  const technical = ranked.filter((s) => s.list === 'technical');
  const soft = ranked.filter((s) => s.list === 'soft');
  const groups: Array<[string, ListedSkill[]]> = ctx.layout.skillsByCategory
    ? groupByCategory(ranked)
    : [[ctx.input.options.template === 'creative' ? 'Tools I use' : 'Technical', technical], [ctx.input.options.template === 'creative' ? 'How I work' : 'Soft skills', soft]];
  const lines = groups.filter(([, skills]) => skills.length > 0).map(([label, skills]) => listLine(label, skills, ctx));
  return lines.length === 0 ? [] : [{ title: null, meta: null, lines, score: Infinity, removable: false }];
}

/** Groups in the order their best skill ranks. */
function groupByCategory(ranked: ListedSkill[]): Array<[string, ListedSkill[]]> {
  const groups = new Map<string, ListedSkill[]>();
  for (const s of ranked) {
    const label = s.list === 'soft' ? 'Ways of working' : (CATEGORY_LABELS[s.category ?? ''] ?? 'Tools');
    groups.set(label, [...(groups.get(label) ?? []), s]);
  }
  return [...groups.entries()];
}

export function certificationItems(ctx: ResumeContext): DraftItem[] {
  const certs = ctx.input.profile.skills.certifications;
  const lines = certs
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => !isDroppedSkill(c.name, ctx.relevance))
    .map(({ c, index }) => {
      const text = [c.name, c.issuer].filter(Boolean).join(' — ') + (c.date_obtained ? ` (${c.date_obtained})` : '');
      return draftLine(text, [{ kind: 'certification', entry_id: null, index }], scoreText(c.name, ctx.relevance));
    });
  return lines.length === 0 ? [] : [{ title: null, meta: null, lines: byScore(lines, (l) => l.score), score: 0, removable: true }];
}

export function languageItems(ctx: ResumeContext): DraftItem[] {
  const lines = ctx.input.profile.skills.languages.map((l, index) =>
    draftLine(`${l.name} (${l.proficiency.replace(/_/g, ' ')})`, [{ kind: 'language', entry_id: null, index }], 0),
  );
  return lines.length === 0 ? [] : [{ title: null, meta: null, lines, score: 0, removable: true }];
}
