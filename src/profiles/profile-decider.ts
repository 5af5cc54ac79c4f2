import { ProfileCommand } from '../../contracts/profiles/commands';
import { ProfileEvent } from '../../contracts/profiles/events';
import { ENTRY_LIMITS } from '../../contracts/profiles/requests';
import { assertNever, Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';

/** What deciding needs to know about a profile: who owns it and which entries exist. */
export type ProfileState =
  | { status: 'none' }
  | { status: 'deleted'; user_id: string }
  | {
      status: 'active';
      profile_id: string;
      user_id: string;
      experiences: ReadonlySet<string>;
      education: ReadonlySet<string>;
      projects: ReadonlySet<string>;
    };

type Active = Extract<ProfileState, { status: 'active' }>;

const notFound = () => new DomainError('PROFILE.NOT_FOUND', 'Profile not found');
const entryNotFound = (kind: string, id: string) =>
  new DomainError('PROFILE.ENTRY_NOT_FOUND', `No ${kind} with id ${id} in this profile`);

/** Another user's profile is reported as missing: its existence is not revealed. */
function owned(state: ProfileState, actor: string): Active {
  if (state.status !== 'active' || state.user_id !== actor) throw notFound();
  return state;
}


function requireRoom(ids: ReadonlySet<string>, kind: keyof typeof ENTRY_LIMITS): void {
  if (ids.size >= ENTRY_LIMITS[kind]) {
    throw new DomainError('PROFILE.LIMIT_REACHED', `A profile holds at most ${ENTRY_LIMITS[kind]} ${kind}; remove one first`);
  }
}

function requireEntry(ids: ReadonlySet<string>, kind: string, id: string): void {
  if (!ids.has(id)) throw entryNotFound(kind, id);
}

export function decide(command: ProfileCommand, state: ProfileState): ProfileEvent[] {
  if (command.type === 'CreateProfile') {
    if (state.status !== 'none') throw new DomainError('PROFILE.ALREADY_EXISTS', 'This profile already exists');
    const { profile_id, actor, personal_info, professional_summary, experiences, education, projects, skills } = command;
    return [
      {
        type: 'ProfileCreated',
        data: { profile_id, user_id: actor, personal_info, professional_summary, experiences, education, projects, skills },
      },
    ];
  }
  const profile = owned(state, command.actor);
  switch (command.type) {
    case 'UpdateProfile': {
      const { personal_info, professional_summary, skills } = command;
      const events: ProfileEvent[] = [];
      if (personal_info !== undefined || professional_summary !== undefined) {
        events.push({ type: 'ProfileUpdated', data: { personal_info, professional_summary } });
      }
      if (skills !== undefined) events.push({ type: 'SkillsUpdated', data: { skills } });
      return events;
    }
    case 'ReplaceSkills':
      return [{ type: 'SkillsUpdated', data: { skills: command.skills } }];
    case 'DeleteProfile':
      return [{ type: 'ProfileDeleted', data: { profile_id: profile.profile_id, user_id: profile.user_id } }];
    case 'AddExperience':
      requireRoom(profile.experiences, 'experiences');
      return [{ type: 'ExperienceAdded', data: { experience: command.experience } }];
    case 'UpdateExperience':
      requireEntry(profile.experiences, 'experience', command.experience.id);
      return [{ type: 'ExperienceUpdated', data: { experience: command.experience } }];
    case 'RemoveExperience':
      requireEntry(profile.experiences, 'experience', command.experience_id);
      return [{ type: 'ExperienceRemoved', data: { experience_id: command.experience_id } }];
    case 'AddEducation':
      requireRoom(profile.education, 'education');
      return [{ type: 'EducationAdded', data: { education: command.education } }];
    case 'UpdateEducation':
      requireEntry(profile.education, 'education entry', command.education.id);
      return [{ type: 'EducationUpdated', data: { education: command.education } }];
    case 'RemoveEducation':
      requireEntry(profile.education, 'education entry', command.education_id);
      return [{ type: 'EducationRemoved', data: { education_id: command.education_id } }];
    case 'AddProject':
      requireRoom(profile.projects, 'projects');
      return [{ type: 'ProjectAdded', data: { project: command.project } }];
    case 'UpdateProject':
      requireEntry(profile.projects, 'project', command.project.id);
      return [{ type: 'ProjectUpdated', data: { project: command.project } }];
    case 'RemoveProject':
      requireEntry(profile.projects, 'project', command.project_id);
      return [{ type: 'ProjectRemoved', data: { project_id: command.project_id } }];
    default:
      return assertNever(command);
  }
}

const withId = (ids: ReadonlySet<string>, id: string) => new Set(ids).add(id);
const withoutId = (ids: ReadonlySet<string>, id: string) => {
  const next = new Set(ids);
  next.delete(id);
  return next;
};

export function evolve(state: ProfileState, event: ProfileEvent): ProfileState {
  if (event.type === 'ProfileCreated') {
    const { profile_id, user_id, experiences, education, projects } = event.data;
    return {
      status: 'active',
      profile_id,
      user_id,
      experiences: new Set(experiences.map((e) => e.id)),
      education: new Set(education.map((e) => e.id)),
      projects: new Set(projects.map((p) => p.id)),
    };
  }
  if (state.status !== 'active') return state;
  switch (event.type) {
    case 'ProfileDeleted':
      return { status: 'deleted', user_id: state.user_id };
    case 'ExperienceAdded':
      return { ...state, experiences: withId(state.experiences, event.data.experience.id) };
    case 'ExperienceRemoved':
      return { ...state, experiences: withoutId(state.experiences, event.data.experience_id) };
    case 'EducationAdded':
      return { ...state, education: withId(state.education, event.data.education.id) };
    case 'EducationRemoved':
      return { ...state, education: withoutId(state.education, event.data.education_id) };
    case 'ProjectAdded':
      return { ...state, projects: withId(state.projects, event.data.project.id) };
    case 'ProjectRemoved':
      return { ...state, projects: withoutId(state.projects, event.data.project_id) };
    case 'ProfileUpdated':
    case 'SkillsUpdated':
    case 'ExperienceUpdated':
    case 'EducationUpdated':
    case 'ProjectUpdated':
      return state;
    default:
      return assertNever(event);
  }
}

export const profileDecider: Decider<ProfileCommand, ProfileEvent, ProfileState> = {
  initialState: { status: 'none' },
  decide,
  evolve,
};
