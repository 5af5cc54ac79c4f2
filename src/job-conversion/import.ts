import { type JobContent, JobContentInput, type RemotePolicy } from '../../contracts/jobs/job';
import { DomainError, type FieldProblem } from '../shared/errors';
import { JSON_RESUME_ONLY_KEYS, JsonResumeJob } from './json-resume';
import { readSalary } from './salary';
import { pathOf, toProblems } from './validate';
import { employmentTypeIn, experienceLevelFromYears, experienceLevelIn } from './work-terms';

/**
 * Accepts our own job JSON (as from GET /jobs/template, or its `example` part) or a JSON Resume
 * job-description document, and returns validated content. Throws VALIDATION.FAILED naming
 * every bad field, in the vocabulary of the format that was sent.
 */
export function fromImportDocument(doc: unknown): JobContent {
  const body = isRecord(doc) && isRecord(doc.example) && Array.isArray(doc.fields) ? doc.example : doc;
  if (!isRecord(body)) throw invalid('Job document must be a JSON object', [{ path: '(root)', message: 'must be an object' }]);
  return isJsonResume(body) ? fromJsonResume(body) : fromOwnFormat(body);
}

function fromOwnFormat(body: Record<string, unknown>): JobContent {
  const parsed = JobContentInput.safeParse(body);
  if (!parsed.success) throw invalid('Job document is not valid', parsed.error.issues.flatMap(toProblems).map(fieldProblem));
  return parsed.data;
}

function fromJsonResume(body: Record<string, unknown>): JobContent {
  const source = JsonResumeJob.safeParse(body);
  if (!source.success) {
    throw invalid('JSON Resume job document is not valid', source.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
  }
  const parsed = JobContentInput.safeParse(mapJsonResume(source.data));
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap(toProblems).map((p) => ({ path: theirPath(p.path), message: p.message }));
    throw invalid('JSON Resume job document cannot be imported', problems);
  }
  return parsed.data;
}

const REMOTE: Record<string, RemotePolicy> = { full: 'remote', hybrid: 'hybrid', none: 'onsite' };

function mapJsonResume(job: JsonResumeJob): Record<string, unknown> {
  const place = [job.location?.city, job.location?.region, job.location?.countryCode].filter(Boolean).join(', ');
  return {
    title: job.title,
    company: job.company,
    location: place || job.location?.address || null,
    remote: job.remote ? REMOTE[job.remote.toLowerCase()] : null,
    employment_type: job.type ? employmentTypeIn(job.type) : null,
    experience_level: job.experience ? (experienceLevelIn(job.experience) ?? experienceLevelFromYears(`${job.experience} experience`)) : null,
    salary_range: job.salary ? (readSalary(job.salary, true)?.salary ?? null) : null,
    description: job.description,
    requirements: [...nonEmpty(job.qualifications), ...(job.skills ?? []).map(skillRequirement).filter(Boolean)],
    responsibilities: nonEmpty(job.responsibilities),
    posted_date: job.date && /^\d{4}-\d{2}-\d{2}$/.test(job.date) ? job.date : null,
  };
}

/** {name: "Web Development", level: "Expert", keywords: ["HTML", "CSS"]} → "Web Development (Expert): HTML, CSS". */
function skillRequirement(skill: { name?: string; level?: string; keywords?: string[] }): string {
  const name = [skill.name, skill.level ? `(${skill.level})` : ''].filter(Boolean).join(' ');
  const keywords = nonEmpty(skill.keywords).join(', ');
  return [name, keywords].filter(Boolean).join(': ');
}

const OUR_TO_THEIR_FIELD: Record<string, string> = {
  requirements: 'qualifications',
  employment_type: 'type',
  experience_level: 'experience',
  posted_date: 'date',
  salary_range: 'salary',
};
const theirPath = (path: string): string => {
  const [head, ...rest] = path.split('.');
  return [OUR_TO_THEIR_FIELD[head] ?? head, ...rest].join('.');
};

function isJsonResume(body: Record<string, unknown>): boolean {
  return (
    JSON_RESUME_ONLY_KEYS.some((key) => key in body) ||
    isRecord(body.location) ||
    (typeof body.remote === 'string' && /^(Full|Hybrid|None|full|none)$/.test(body.remote))
  );
}

const nonEmpty = (items: string[] | undefined): string[] => (items ?? []).map((item) => item.trim()).filter(Boolean);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const fieldProblem = ({ path, message }: FieldProblem): FieldProblem => ({ path, message });
const invalid = (message: string, fields: FieldProblem[]) => new DomainError('VALIDATION.FAILED', message, fields);
