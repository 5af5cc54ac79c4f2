import { IntegrationTopics } from '../../../contracts/integration';
import * as P from '../../../contracts/integration/profiles';
import { ProfileEvent } from '../../../contracts/profiles/events';
import { streamEntityId } from '../../shared/streams';
import { AggregateMapping, build, on } from './build';

const profiles = on(IntegrationTopics.profiles);

/** Profile events → `jobwise.profiles.v1`: ids, counts, dates and technical skills; never personal details or free text. */
export const PROFILE_MAPPINGS: AggregateMapping<ProfileEvent['type']> = {
  ProfileCreated: (event) => {
    const { data } = event;
    return profiles(
      event,
      build(P.ProfileCreatedV1, event, {
        profile_id: data.profile_id,
        user_id: data.user_id,
        counts: { experiences: data.experiences.length, education: data.education.length, projects: data.projects.length },
        skills: { technical: [...data.skills.technical] },
        has_summary: Boolean(data.professional_summary?.trim()),
      }),
    );
  },
  ProfileUpdated: (event) => {
    const changed = (['personal_info', 'professional_summary'] as const).filter((field) => event.data[field] !== undefined);
    return profiles(event, build(P.ProfileUpdatedV1, event, { profile_id: streamEntityId(event.stream_id), changed }));
  },
  SkillsUpdated: (event) => {
    const { skills } = event.data;
    return profiles(
      event,
      build(P.ProfileSkillsUpdatedV1, event, {
        profile_id: streamEntityId(event.stream_id),
        technical: [...skills.technical],
        soft_count: skills.soft.length,
        languages_count: skills.languages.length,
        certifications_count: skills.certifications.length,
      }),
    );
  },
  ExperienceAdded: (event) => profiles(event, build(P.ProfileExperienceAddedV1, event, experience(event.stream_id, event.data.experience))),
  ExperienceUpdated: (event) => profiles(event, build(P.ProfileExperienceUpdatedV1, event, experience(event.stream_id, event.data.experience))),
  ExperienceRemoved: (event) =>
    profiles(event, build(P.ProfileExperienceRemovedV1, event, { profile_id: streamEntityId(event.stream_id), experience_id: event.data.experience_id })),
  EducationAdded: (event) => profiles(event, build(P.ProfileEducationAddedV1, event, education(event.stream_id, event.data.education))),
  EducationUpdated: (event) => profiles(event, build(P.ProfileEducationUpdatedV1, event, education(event.stream_id, event.data.education))),
  EducationRemoved: (event) =>
    profiles(event, build(P.ProfileEducationRemovedV1, event, { profile_id: streamEntityId(event.stream_id), education_id: event.data.education_id })),
  ProjectAdded: (event) => profiles(event, build(P.ProfileProjectAddedV1, event, project(event.stream_id, event.data.project))),
  ProjectUpdated: (event) => profiles(event, build(P.ProfileProjectUpdatedV1, event, project(event.stream_id, event.data.project))),
  ProjectRemoved: (event) =>
    profiles(event, build(P.ProfileProjectRemovedV1, event, { profile_id: streamEntityId(event.stream_id), project_id: event.data.project_id })),
  ProfileDeleted: (event) => profiles(event, build(P.ProfileDeletedV1, event, { profile_id: event.data.profile_id, user_id: event.data.user_id })),
};

type Dated = { start_date: string | null; end_date: string | null };

function experience(stream_id: string, entry: Dated & { id: string; is_current: boolean; start_date: string }) {
  const profile_id = streamEntityId(stream_id);
  return { profile_id, experience_id: entry.id, is_current: entry.is_current, start_date: entry.start_date, end_date: entry.end_date };
}

function education(stream_id: string, entry: Dated & { id: string }) {
  return { profile_id: streamEntityId(stream_id), education_id: entry.id, start_date: entry.start_date, end_date: entry.end_date };
}

function project(stream_id: string, entry: Dated & { id: string; technologies: string[] }) {
  const profile_id = streamEntityId(stream_id);
  return { profile_id, project_id: entry.id, technologies: [...entry.technologies], start_date: entry.start_date, end_date: entry.end_date };
}
