import { applicationsProjection } from './applications';
import { jobAlertDigestsProjection, jobAlertsProjection } from './alerts';
import { savedSearchesProjection } from './saved-searches';
import { auditProjection } from './audit';
import { documentsProjection } from './documents';
import { notificationPreferencesProjection, notificationsProjection } from './notifications';
import { generationsProjection } from './generations';
import { jobsProjection } from './jobs';
import { jobSearchProjection } from './job-search';
import { profilesProjection } from './profiles';
import { Projection } from '../contracts/shared/projection';
import { ProjectedDoc } from '../contracts/shared/read-model';
import { usersProjection } from './users';

/** Every read model the projector role maintains. */
export const allProjections: Projection<ProjectedDoc>[] = [
  usersProjection as unknown as Projection<ProjectedDoc>,
  profilesProjection as unknown as Projection<ProjectedDoc>,
  jobsProjection as unknown as Projection<ProjectedDoc>,
  jobSearchProjection as unknown as Projection<ProjectedDoc>,
  generationsProjection as unknown as Projection<ProjectedDoc>,
  documentsProjection as unknown as Projection<ProjectedDoc>,
  applicationsProjection as unknown as Projection<ProjectedDoc>,
  auditProjection as unknown as Projection<ProjectedDoc>,
  notificationsProjection as unknown as Projection<ProjectedDoc>,
  notificationPreferencesProjection as unknown as Projection<ProjectedDoc>,
  savedSearchesProjection as unknown as Projection<ProjectedDoc>,
  jobAlertsProjection as unknown as Projection<ProjectedDoc>,
  jobAlertDigestsProjection as unknown as Projection<ProjectedDoc>,
];
