import { DomainEnvelope } from '../../contracts/events';
import { TargetJob } from '../../contracts/generations/content';
import { CatalogueId } from '../../contracts/jobs/events';
import { ProfileView } from '../../contracts/profiles/read-model';
import { Projection } from '../../contracts/shared/projection';
import { ProjectedDoc, Unprojected } from '../../contracts/shared/read-model';
import { jobsProjection } from '../../projections/jobs';
import { profilesProjection } from '../../projections/profiles';
import { EventStore } from '../event-store/port';
import { EventSerializer } from '../event-store/serializer';
import { staticJobId } from '../jobs/catalogue/catalogue';
import { analyzeJob } from '../keywords';
import { streamName } from '../shared/streams';

/**
 * A profile or job as it was after its first `version` events: the stream's prefix folded by the
 * read model's own projection, so a snapshot is exactly what GET answered at that version.
 * The generation pipeline uses these to work from the versions a request named, whatever was
 * edited since. null: the stream had fewer events, or the entity was deleted by then.
 */
async function foldPrefix<D extends ProjectedDoc>(
  events: EventStore,
  serializer: EventSerializer,
  projection: Projection<D>,
  stream_id: string,
  version: number,
): Promise<Unprojected<D> | null> {
  if (!Number.isInteger(version) || version < 1) return null;
  const recorded = await events.readStream(stream_id, { direction: 'forwards', from_revision: 0, max_count: version });
  if (recorded.length < version) return null;
  let doc: Unprojected<D> | null = null;
  for (const event of recorded) {
    if (!projection.handles.includes(event.type)) continue;
    const decoded: DomainEnvelope = await serializer.deserialize(event);
    doc = projection.evolve(doc, decoded);
  }
  return doc;
}

export function profileSnapshotAt(events: EventStore, serializer: EventSerializer) {
  return async (profile_id: string, version: number): Promise<ProfileView | null> => {
    const doc = await foldPrefix(events, serializer, profilesProjection, streamName('profile', profile_id), version);
    if (!doc) return null;
    const { id, user_id, created_at, updated_at, personal_info, professional_summary, experiences, education, projects, skills } = doc;
    return { id, user_id, version: doc.version, created_at, updated_at, personal_info, professional_summary, experiences, education, projects, skills };
  };
}

/** `job_id` is a job's id, or a catalogue id (`static-001`) naming a static job by its stable id. */
export function jobSnapshotAt(events: EventStore, serializer: EventSerializer) {
  return async (job_id: string, version: number): Promise<TargetJob | null> => {
    const id = CatalogueId.safeParse(job_id).success ? staticJobId(job_id) : job_id;
    const doc = await foldPrefix(events, serializer, jobsProjection, streamName('job', id), version);
    if (!doc) return null;
    const { title, company, description, requirements, responsibilities, benefits } = doc;
    // The analysis of new content is recorded just after it; a version in between is analysed here.
    const analysis = doc.analysis ?? analyzeJob({ title, company, description, requirements, responsibilities, benefits });
    return { id: doc.id, title, company, description, requirements, responsibilities, analysis };
  };
}
