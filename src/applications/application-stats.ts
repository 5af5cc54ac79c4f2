import { ApplicationStatus } from '../../contracts/applications/events';
import { ApplicationStats } from '../../contracts/applications/http';
import { ApplicationDocument } from '../../contracts/applications/read-model';

const DAY_MS = 86_400_000;
/** An employer's answer: an interview, an offer (accepted or not) or a rejection. */
const RESPONSES: readonly ApplicationStatus[] = ['interviewing', 'offer_received', 'accepted', 'rejected'];
const APPLIED_OR_LATER: readonly ApplicationStatus[] = ['applied', ...RESPONSES];
/** The funnel's stages, each with the next, for the median days between them. */
const STAGES: readonly [ApplicationStatus, ApplicationStatus][] = [
  ['applied', 'interviewing'],
  ['interviewing', 'offer_received'],
  ['offer_received', 'accepted'],
];

type Application = Pick<ApplicationDocument, 'status' | 'applied_date' | 'timeline'>;

const reached = (app: Application, statuses: readonly ApplicationStatus[]) => app.timeline.some((change) => statuses.includes(change.to));

/** The day an application reached a status: the applied date for `applied` when given, else the day of the change. */
function dayOf(app: Application, status: ApplicationStatus): string | null {
  if (status === 'applied' && app.applied_date) return app.applied_date;
  return app.timeline.find((change) => change.to === status)?.at.slice(0, 10) ?? null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The funnel of one user's applications: how many stand at each status, how many were applied
 * for and how many of those got an answer (response rate), and the median calendar days
 * between consecutive stages over the applications that reached both.
 */
export function applicationStats(applications: Application[]): ApplicationStats {
  const by_status = Object.fromEntries(ApplicationStatus.options.map((s) => [s, applications.filter((a) => a.status === s).length])) as ApplicationStats['by_status'];
  const applied = applications.filter((a) => reached(a, APPLIED_OR_LATER));
  const responded = applied.filter((a) => reached(a, RESPONSES)).length;
  const median_days = STAGES.map(([from, to]) => {
    const days = applications.flatMap((a) => {
      const [start, end] = [dayOf(a, from), dayOf(a, to)];
      return start && end ? [(Date.parse(end) - Date.parse(start)) / DAY_MS] : [];
    });
    return { from, to, applications: days.length, median_days: median(days) };
  });
  return {
    total: applications.length,
    by_status,
    applied: applied.length,
    responded,
    response_rate: applied.length ? responded / applied.length : null,
    median_days,
  };
}
