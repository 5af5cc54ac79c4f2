import { z } from 'zod';
import { defineReadModel, ProjectedFields } from '../shared/read-model';
import { AuditEntry } from './http';

/**
 * `audit_v1`: one document per stored event, metadata only (who, what, where, when; never the
 * event's data), serving GET /admin/audit. `actor` is the owner: erasing a user removes their
 * entries here (the events themselves stay in the log, their personal fields unreadable).
 */
export const AuditDocument = AuditEntry.extend({ ...ProjectedFields });
export type AuditDocument = z.infer<typeof AuditDocument>;
export const AuditReadModel = defineReadModel('audit_v1', AuditDocument);
