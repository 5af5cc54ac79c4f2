import type { CoverLetterContent, Line, ResumeContent, Source } from '../../../contracts/generations/content';
import type { ProfileView } from '../../../contracts/profiles/read-model';
import { ProfileCreateRequest } from '../../../contracts/profiles/requests';

/** A profile view from a create request body, with fixed ids so that runs repeat. */
export function profileFromRequest(body: Record<string, unknown>): ProfileView {
  const input = ProfileCreateRequest.parse(body);
  const withId = <T>(x: T, i: number) => ({ ...x, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` });
  return {
    ...input,
    id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
    user_id: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
    version: 1,
    created_at: '2026-11-24T10:00:00.000Z',
    updated_at: '2026-11-24T10:00:00.000Z',
    experiences: input.experiences.map((e, i) => withId(e, i + 1)),
    education: input.education.map((e, i) => withId(e, i + 101)),
    projects: input.projects.map((p, i) => withId(p, i + 201)),
  };
}

/** Every line of a resume or cover letter, in order. */
export function allLines(content: ResumeContent | CoverLetterContent): Line[] {
  if ('paragraphs' in content) return content.paragraphs.flatMap((p) => p.lines);
  return content.sections.flatMap((s) => s.items.flatMap((i) => [i.title, i.meta, ...i.lines].filter((l): l is Line => l !== null)));
}

export const words = (text: string) => text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

/** What a source points at in the profile, or undefined when it points at nothing (independent of the engine). */
export function resolve(source: Source, profile: ProfileView): unknown {
  const byId = <T extends { id: string }>(list: T[]) => list.find((e) => e.id === source.entry_id);
  switch (source.kind) {
    case 'personal_info': return profile.personal_info;
    case 'summary': return profile.professional_summary ?? undefined;
    case 'experience': return byId(profile.experiences);
    case 'achievement': return byId(profile.experiences)?.achievements[source.index ?? -1];
    case 'education': return source.index === null ? byId(profile.education) : byId(profile.education)?.honors[source.index];
    case 'project': return byId(profile.projects);
    case 'skill': return (source.entry_id === 'soft' ? profile.skills.soft : profile.skills.technical)[source.index ?? -1];
    case 'certification': return profile.skills.certifications[source.index ?? -1];
    case 'language': return profile.skills.languages[source.index ?? -1];
    case 'job': return 'job';
  }
}

export const experienceTitles = (resume: ResumeContent) =>
  resume.sections.find((s) => s.kind === 'experience')?.items.map((i) => i.title?.text) ?? [];
