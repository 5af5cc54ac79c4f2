import { ResumeContent, ResumeItem, ResumeSection, SectionKind } from '../../../contracts/generations/content';
import { analyzeJob, JobPosting } from '../../../src/keywords';

/** Builders for hand-written resumes: every line gets a source so the fixtures parse as ResumeContent. */
const line = (text: string) => ({ text, sources: [{ kind: 'experience' as const, entry_id: null, index: null }] });

export const item = (title: string | null, meta: string | null, lines: string[]): ResumeItem =>
  ({ title: title === null ? null : line(title), meta: meta === null ? null : line(meta), lines: lines.map(line) });

export const section = (kind: SectionKind, items: ResumeItem[]): ResumeSection =>
  ({ kind, heading: kind[0].toUpperCase() + kind.slice(1), items });

export const lines = (kind: SectionKind, texts: string[]): ResumeSection => section(kind, [item(null, null, texts)]);

export const resume = (...sections: ResumeSection[]): ResumeContent =>
  ResumeContent.parse({ template: 'professional', sections, word_count: 0 });

export const without = (content: ResumeContent, kind: SectionKind): ResumeContent =>
  ({ ...content, sections: content.sections.filter((s) => s.kind !== kind) });

export const withSection = (content: ResumeContent, added: ResumeSection): ResumeContent =>
  ({ ...content, sections: [...content.sections, added] });

export const replaceSection = (content: ResumeContent, kind: SectionKind, replacement: ResumeSection): ResumeContent =>
  ({ ...content, sections: content.sections.map((s) => (s.kind === kind ? replacement : s)) });

// ---- Postings, analysed by the keyword engine ----

export const backendPosting: JobPosting = {
  title: 'Senior Backend Engineer',
  company: 'Harbor Logistics',
  description: 'Harbor Logistics moves freight across Europe. You will join the platform team that runs our booking and tracking services.',
  requirements: [
    '5+ years building backend services in Python',
    'Solid experience with PostgreSQL and Docker',
    'Running services on Kubernetes in AWS',
    'Designing REST APIs',
    'Nice to have: Terraform and Kafka',
  ],
  responsibilities: ['Design and build the services behind our shipment tracking', 'Mentor other engineers'],
  benefits: ['30 days of holiday'],
};

export const dataPosting: JobPosting = {
  title: 'Data Analyst',
  company: 'Lumen Retail',
  description: 'Lumen Retail runs 120 stores. Our analytics team turns sales data into decisions.',
  requirements: ['3+ years of SQL', 'Dashboards in Tableau or Power BI', 'Advanced Excel', 'Statistics and A/B testing', 'Python is a plus'],
  responsibilities: ['Build weekly sales dashboards', 'Present findings to store managers'],
};

export const backendJob = analyzeJob(backendPosting);
export const dataJob = analyzeJob(dataPosting);

// ---- Resumes ----

const header = section('header', [item('Jane Doe', null, ['jane.doe@example.com · +49 30 1234 5678 · Berlin'])]);
const education = section('education', [item('B.Sc. Computer Science, TU Berlin', '2011 – 2015', [])]);

export const northwind = 'Senior Software Engineer, Northwind Freight';
export const tidewater = 'Software Engineer, Tidewater Analytics';

/** A backend engineer whose experience uses the job's skills in sentences (Postgres and k8s as written by people). */
export const goodBackendResume = resume(
  header,
  lines('summary', ['Backend engineer with eight years of building reliable services for logistics and analytics companies, most recently leading the shipment tracking platform at Northwind Freight.']),
  section('experience', [
    item(northwind, '2019-03 – present · Berlin', [
      'Led backend development of the shipment tracking platform in Python, serving 2 million tracking events a day with p99 latency under 80 ms.',
      'Moved 40 services from virtual machines to k8s on AWS, cutting hosting costs by a third.',
      'Designed the public REST APIs used by 300 carrier partners, with versioning and contract tests.',
      'Tuned Postgres queries and indexes, halving the load on the primary database during peak season.',
      'Mentoring four engineers, two of whom now lead their own teams.',
    ]),
    item(tidewater, '2015-06 – 2019-02 · Hamburg', [
      'Packaged the reporting services with Docker and ran them behind a shared load balancer.',
      'Wrote Python jobs that loaded sales data into the warehouse every night and alerted on gaps.',
      'Introduced code review guidelines and a shared test suite that caught regressions before release.',
    ]),
  ]),
  section('projects', [item('Open-source rate limiter', '2021', ['Maintain a small Python library for token-bucket rate limiting, used by a dozen companies.'])]),
  education,
  lines('skills', ['Python, PostgreSQL, Docker, Kubernetes, AWS, REST APIs, Git, Linux']),
);

/** Same shape, but the experience is mostly about other things. */
export const weakerBackendResume = resume(
  header,
  lines('summary', ['Software engineer with eight years of experience building internal tools and web applications for mid-sized companies.']),
  section('experience', [
    item(northwind, '2019-03 – present · Berlin', [
      'Built internal admin tools in Python used by the customer support team every day.',
      'Rewrote the invoicing front end in Angular, reducing page load time from four seconds to one.',
      'Ran weekly demos for the sales team and collected their feedback into the roadmap.',
    ]),
    item(tidewater, '2015-06 – 2019-02 · Hamburg', [
      'Maintained the company website and its content management system for three marketing teams.',
      'Automated the release checklist, saving the team two hours for every release.',
    ]),
  ]),
  education,
  lines('skills', ['Python, Angular, JavaScript, HTML, CSS']),
);

/** A well-formed resume for another profession entirely. */
export const nurseResume = resume(
  section('header', [item('Maria Santos', null, ['maria.santos@example.com · +44 20 7946 0958 · London'])]),
  lines('summary', ['Registered nurse with ten years on busy surgical wards, calm under pressure and trusted by patients and families.']),
  section('experience', [
    item('Charge Nurse, St. Anne Hospital', '2018-01 – present · London', [
      'Lead a team of twelve nurses on a 30-bed surgical ward, planning shifts and handovers.',
      'Introduced a falls prevention round that reduced patient falls by a quarter within a year.',
      'Trained new staff on wound care and the safe administration of medication.',
    ]),
    item('Staff Nurse, Riverside Clinic', '2013-09 – 2017-12 · Leeds', [
      'Cared for up to eight post-operative patients per shift, monitoring vital signs and pain.',
      'Worked with physiotherapists and doctors to prepare patients and families for discharge.',
    ]),
  ]),
  section('education', [item('B.Sc. Nursing, University of Leeds', '2009 – 2013', [])]),
  lines('skills', ['Wound care, medication administration, patient assessment, infection control']),
);

/** Backend keywords, as the job's analysis names them, in one comma list. */
export const backendKeywordList = [...backendJob.required_skills, ...backendJob.preferred_skills].join(', ');

/** A data analyst whose experience uses the data job's skills. */
export const goodDataResume = resume(
  section('header', [item('Sam Lee', null, ['sam.lee@example.com · +31 20 555 0101 · Amsterdam'])]),
  lines('summary', ['Data analyst with six years of turning retail sales data into decisions store managers act on.']),
  section('experience', [
    item('Senior Data Analyst, Canal Stores', '2020-02 – present · Amsterdam', [
      'Built weekly sales dashboards in Tableau read by 80 store managers every Monday morning.',
      'Wrote the SQL models behind the margin report, replacing a dozen hand-kept Excel workbooks.',
      'Designed and analysed A/B tests of shelf layouts, with the statistics explained in plain words.',
      'Presented quarterly findings to the regional board and the store managers.',
    ]),
    item('Data Analyst, Polder Foods', '2017-01 – 2020-01 · Utrecht', [
      'Automated the monthly stock report in Python and Power BI, saving two days of work a month.',
      'Cleaned and joined supplier data in SQL so that buyers could compare prices across regions.',
    ]),
  ]),
  section('education', [item('M.Sc. Statistics, University of Amsterdam', '2015 – 2017', [])]),
  lines('skills', ['SQL, Tableau, Power BI, Excel, Python, Statistics']),
);

/** Every number in a report, however deep. */
export function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}
