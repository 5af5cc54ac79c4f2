import { JobSearchQuery } from '../../contracts/jobs/http';
import { JobStatus } from '../../contracts/jobs/job';
import { live } from '../../contracts/shared/read-model';
import { Filter } from '../read-store/port';
import { extractSkills } from '../keywords';

/** Whose jobs a listing covers: everything the caller may see (`all`), or only the caller's own. */
export interface JobScope {
  user_id: string;
  mine: boolean;
}

const EXACT_FIELDS = ['remote', 'source', 'experience_level', 'employment_type'] as const;

/**
 * The read-store filter of a job listing. GET /jobs shows active jobs unless `status` is given;
 * my-jobs every status. Statuses are the effective ones: see `effectiveStatus`.
 */
export function jobFilter(query: JobSearchQuery, scope: JobScope, today: string): Filter {
  const clauses: Filter[] = [scope.mine ? { user_id: scope.user_id } : { $or: [{ user_id: null }, { user_id: scope.user_id }] }];
  const status = query.status ?? (scope.mine ? undefined : 'active');
  if (status) clauses.push(statusFilter(status, today));
  if (query.location) clauses.push({ location: { $regex: escapeRegex(query.location), $options: 'i' } });
  for (const field of EXACT_FIELDS) if (query[field]) clauses.push({ [field]: query[field] });
  for (const skill of query.skills ?? []) clauses.push(skillFilter(skill));
  return live({ $and: clauses });
}

/** An active job past its `expires_date` counts as expired, recorded or not. */
export function statusFilter(status: JobStatus, today: string): Filter {
  const overdue = { expires_date: { $ne: null, $lt: today } };
  if (status === 'active') return { status: 'active', $or: [{ expires_date: null }, { expires_date: { $gte: today } }] };
  if (status === 'expired') return { $or: [{ status: 'expired' }, { status: 'active', ...overdue }] };
  return { status };
}

/**
 * A skill as the user typed it matches its canonical taxonomy name (`react.js`, `ReactJS` →
 * React); a term the taxonomy does not know matches a skill of that exact name, ignoring case.
 */
export function skillFilter(term: string): Filter {
  const canonical = [...new Set(extractSkills(term).map((found) => found.skill))];
  if (canonical.length > 0) return { skills: { $all: canonical } };
  return { skills: { $regex: `^${escapeRegex(term)}$`, $options: 'i' } };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
