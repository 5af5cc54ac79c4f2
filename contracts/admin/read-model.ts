import { z } from 'zod';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { AuditEntry } from './http';

/**
 * `audit_v1`: one document per stored event, metadata only (who, what, where, when; never the
 * event's data), serving GET /admin/audit. `subject` is the owner: the user an entry is about
 * (the user of a `user-<id>` stream, else the acting user), so erasing a user removes every
 * entry naming them; the events themselves stay in the log, their personal fields unreadable.
 */
export const AuditDocument = AuditEntry.extend({ ...ProjectedFields, subject: z.string().nullable() });
export type AuditDocument = z.infer<typeof AuditDocument>;
export const AuditReadModel = defineReadModel('audit_v1', AuditDocument);
