import { z } from 'zod';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { AuditEntry } from './http';

/**
 * `audit_v1`: one document per stored event, metadata only (who, what, where, when; never the
 * event's data), serving GET /admin/audit. `subject` is the owner: the user an entry is about
 * (the user of a `user-<id>` stream, else the acting user), so erasing a user removes every
 * entry naming them; the events themselves stay in the log, their personal fields unreadable.
 * Written once per event (`documentPerEvent`), so without the runner's `_applied` revisions.
 */
export const AuditDocument = AuditEntry.extend({ ...ProjectedFields, _applied: ProjectedFields._applied.optional(), subject: z.string().nullable() });
export type AuditDocument = z.infer<typeof AuditDocument>;
// One document per event: held as columns by the embedded store (~150 bytes an entry instead of ~1 KB with its indexes).
export const AuditReadModel = defineReadModel('audit_v1', AuditDocument, { layout: 'columns' });
