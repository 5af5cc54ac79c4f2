import { ProfileDocument, ProfilesReadModel } from '../contracts/profiles/read-model';
import { ProfileEventSchemas } from '../contracts/profiles/events';
import { DomainEnvelope } from '../contracts/events';
import { Projection } from '../contracts/shared/projection';
import { Unprojected } from '../contracts/shared/read-model';

type Profile = Unprojected<ProfileDocument>;
type WithId = { id: string };

const replaceById = <T extends WithId>(items: T[], item: T) => items.map((x) => (x.id === item.id ? item : x));
const removeById = <T extends WithId>(items: T[], id: string) => items.filter((x) => x.id !== id);

/** `profiles_v1`: one document per profile, serving GET /profiles/{id} and /profiles/me. */
export const profilesProjection: Projection<ProfileDocument> = {
  ...ProfilesReadModel,
  owner: 'user_id',
  handles: ProfileEventSchemas.map((s) => s.shape.type.value),
  indexes: [{ fields: { user_id: 1 } }],
  documentId: (event) => event.stream_id.slice('profile-'.length),
  evolve(current, event) {
    if (event.type === 'ProfileCreated') {
      const { profile_id, ...data } = event.data;
      return {
        id: profile_id,
        ...data,
        version: event.revision + 1,
        created_at: event.metadata.occurred_at,
        updated_at: event.metadata.occurred_at,
      };
    }
    if (!current) return null;
    if (event.type === 'ProfileDeleted') return null;
    return { ...applyChange(current, event), version: event.revision + 1, updated_at: event.metadata.occurred_at };
  },
};

function applyChange(p: Profile, event: DomainEnvelope): Profile {
  switch (event.type) {
    case 'ProfileUpdated': {
      const { personal_info, professional_summary } = event.data;
      return {
        ...p,
        personal_info: personal_info ?? p.personal_info,
        professional_summary: professional_summary === undefined ? p.professional_summary : professional_summary,
      };
    }
    case 'SkillsUpdated':
      return { ...p, skills: event.data.skills };
    case 'ExperienceAdded':
      return { ...p, experiences: [...p.experiences, event.data.experience] };
    case 'ExperienceUpdated':
      return { ...p, experiences: replaceById(p.experiences, event.data.experience) };
    case 'ExperienceRemoved':
      return { ...p, experiences: removeById(p.experiences, event.data.experience_id) };
    case 'EducationAdded':
      return { ...p, education: [...p.education, event.data.education] };
    case 'EducationUpdated':
      return { ...p, education: replaceById(p.education, event.data.education) };
    case 'EducationRemoved':
      return { ...p, education: removeById(p.education, event.data.education_id) };
    case 'ProjectAdded':
      return { ...p, projects: [...p.projects, event.data.project] };
    case 'ProjectUpdated':
      return { ...p, projects: replaceById(p.projects, event.data.project) };
    case 'ProjectRemoved':
      return { ...p, projects: removeById(p.projects, event.data.project_id) };
    default:
      return p;
  }
}
