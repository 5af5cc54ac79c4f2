import type { Source } from '../../../contracts/generations/content';
import type { ProfileView } from '../../../contracts/profiles/read-model';

/**
 * Whether a source names something the profile has. Skill sources name their list in
 * `entry_id` ('technical', 'soft'; null means technical). `job` sources belong in a cover letter
 * only.
 */
export function sourceResolves(source: Source, profile: ProfileView, inCoverLetter: boolean): boolean {
  const within = (list: unknown[] | undefined) => list !== undefined && (source.index === null || source.index < list.length);
  const entry = <T extends { id: string }>(list: T[]) => list.find((e) => e.id === source.entry_id);
  switch (source.kind) {
    case 'personal_info':
      return true;
    case 'summary':
      return profile.professional_summary !== null;
    case 'experience':
      return !!entry(profile.experiences);
    case 'achievement': {
      const found = entry(profile.experiences);
      return !!found && source.index !== null && source.index < found.achievements.length;
    }
    case 'education':
      return within(entry(profile.education)?.honors);
    case 'project':
      return !!entry(profile.projects);
    case 'skill': {
      const list = source.entry_id === 'soft' ? profile.skills.soft : source.entry_id === null || source.entry_id === 'technical' ? profile.skills.technical : undefined;
      return source.index !== null && within(list);
    }
    case 'certification':
      return source.index !== null && within(profile.skills.certifications);
    case 'language':
      return source.index !== null && within(profile.skills.languages);
    case 'job':
      return inCoverLetter;
    default: {
      const unknown: never = source.kind;
      return unknown;
    }
  }
}

export function describeSource(source: Source): string {
  return [source.kind, source.entry_id, source.index].filter((p) => p !== null).join(':');
}
