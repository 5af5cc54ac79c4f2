import { z } from 'zod';
import { Uuid } from '../shared/primitives';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { ApplicationView } from './http';

/** The `applications_v1` read-model document: the view and whose it is. Deleted applications are removed. */
export const ApplicationDocument = ApplicationView.extend({ ...ProjectedFields, user_id: Uuid });
export type ApplicationDocument = z.infer<typeof ApplicationDocument>;
export const ApplicationsReadModel = defineReadModel('applications_v1', ApplicationDocument);
