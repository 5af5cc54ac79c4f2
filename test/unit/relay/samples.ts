import { randomBytes, randomUUID } from 'node:crypto';
import { GenerationOptions } from '../../../contracts/generations/content';
import { DomainEvent } from '../../../contracts/events';
import { JobContentInput } from '../../../contracts/jobs/job';
import { ProfileCreateRequest } from '../../../contracts/profiles/requests';
import { analyzeJob } from '../../../src/keywords';
import { EducationEntitySchema, ExperienceEntitySchema, ProjectEntitySchema, SkillsSchema } from '../../../contracts/profiles/entities';
import { educationBody, experienceBody, profileBody, projectBody } from '../../support/fixtures';

/**
 * Realistic domain histories whose personal data carry a distinctive marker, so a test can
 * prove that no marker reaches an integration event. Technical skills and project
 * technologies are published on purpose and carry no marker.
 */
export interface SampleStream {
  stream_id: string;
  events: DomainEvent[];
}

export interface SampleHistory {
  user_id: string;
  profile_id: string;
  streams: SampleStream[];
  /** Every personal or free-text value of the history: none may appear in a published event. */
  secrets: string[];
}

const hex = () => randomBytes(5).toString('hex');
const digits = () => String(1_000_000 + Math.floor(Math.random() * 8_999_999));

export function sampleHistory(): SampleHistory {
  const user_id = randomUUID();
  const profile_id = randomUUID();
  const m = () => `q${hex()}`;
  const secrets: string[] = [];
  const s = <T extends string>(value: T): T => (secrets.push(value), value);

  const email = s(`ada.${m()}@example.com`);
  const full_name = s(`Ada ${m()} Lovelace`);
  const phone = `+49 30 ${s(digits())}`;
  secrets.push(phone);
  const personal_info = {
    full_name,
    email,
    phone,
    location: s(`Berlin-${m()}, Germany`),
    linkedin: s(`https://www.linkedin.com/in/${m()}`),
    github: s(`https://github.com/${m()}`),
    website: s(`https://${m()}.example.org`),
  };
  const experience = (overrides: Record<string, unknown> = {}) =>
    ExperienceEntitySchema.parse({
      ...experienceBody({
        title: s(`Staff Engineer ${m()}`),
        company: s(`Northwind ${m()} GmbH`),
        location: s(`Hamburg ${m()}`),
        description: s(`Led the ${m()} migration to event sourcing for 40 teams.`),
        achievements: [s(`Cut costs of ${m()} by 30%`), s(`Mentored ${m()} engineers`)],
        ...overrides,
      }),
      id: randomUUID(),
    });
  const education = () =>
    EducationEntitySchema.parse({
      ...educationBody({
        institution: s(`University of ${m()}`),
        degree: s(`M.Sc. ${m()}`),
        field_of_study: s(`Informatics ${m()}`),
        honors: [s(`Dean's list ${m()}`)],
      }),
      id: randomUUID(),
    });
  const project = () =>
    ProjectEntitySchema.parse({
      ...projectBody({ name: s(`Limiter ${m()}`), description: s(`A limiter for ${m()} traffic.`), url: s(`https://${m()}.example.net/`) }),
      id: randomUUID(),
    });
  const skills = SkillsSchema.parse({
    technical: ['TypeScript', 'Kafka', 'Event Sourcing'],
    soft: [s(`Mentoring ${m()}`)],
    languages: [{ name: s(`Klingon ${m()}`), proficiency: 'native' }],
    certifications: [{ name: s(`Cert ${m()}`), issuer: s(`Issuer ${m()}`), date_obtained: '2022-05', expiry_date: null, credential_id: s(`CRED-${m()}`) }],
  });
  const base = ProfileCreateRequest.parse(profileBody());
  const first = experience();
  const edu = education();
  const proj = project();

  const user: DomainEvent[] = [
    { type: 'UserRegistered', data: { user_id, email, full_name, password_hash: s(`scrypt$${m()}`), roles: ['user'] } },
    { type: 'RefreshTokenIssued', data: { family_id: randomUUID(), token_id: randomUUID(), expires_at: '2026-12-24T10:00:00.000Z' } },
  ];
  const family_id = (user[1].data as { family_id: string }).family_id;
  user.push(
    { type: 'RefreshTokenRotated', data: { family_id, previous_token_id: randomUUID(), token_id: randomUUID(), expires_at: '2026-12-25T10:00:00.000Z' } },
    { type: 'RefreshTokenFamilyRevoked', data: { family_id, reason: 'logout' } },
    { type: 'PasswordChanged', data: { password_hash: s(`scrypt$${m()}`), revoked_family_ids: [randomUUID(), randomUUID()] } },
  );
  const profile: DomainEvent[] = [
    {
      type: 'ProfileCreated',
      data: {
        ...base,
        profile_id,
        user_id,
        personal_info,
        professional_summary: s(`Engineer who loves ${m()} and distributed systems.`),
        experiences: [first, experience({ is_current: false, start_date: '2015-01', end_date: '2018-12' })],
        education: [edu],
        projects: [proj],
        skills,
      },
    },
    { type: 'ProfileUpdated', data: { personal_info: { ...personal_info, location: s(`Munich ${m()}`) }, professional_summary: s(`New summary ${m()}`) } },
    { type: 'SkillsUpdated', data: { skills: { ...skills, technical: ['TypeScript', 'Rust'] } } },
    { type: 'ExperienceAdded', data: { experience: experience() } },
    { type: 'ExperienceUpdated', data: { experience: { ...first, title: s(`Principal ${m()}`) } } },
    { type: 'ExperienceRemoved', data: { experience_id: first.id } },
    { type: 'EducationAdded', data: { education: education() } },
    { type: 'EducationUpdated', data: { education: { ...edu, degree: s(`PhD ${m()}`) } } },
    { type: 'EducationRemoved', data: { education_id: edu.id } },
    { type: 'ProjectAdded', data: { project: project() } },
    { type: 'ProjectUpdated', data: { project: { ...proj, technologies: ['Go'], description: s(`Rewritten ${m()}`) } } },
    { type: 'ProjectRemoved', data: { project_id: proj.id } },
    { type: 'ProfileDeleted', data: { profile_id, user_id } },
  ];
  const claims: DomainEvent[] = [{ type: 'ClaimTaken', data: { owner_id: user_id } }];
  const job_id = randomUUID();
  const content = JobContentInput.parse({
    title: s(`Platform Engineer ${m()}`),
    company: s(`Quillmark ${m()}`),
    location: s(`Utrecht ${m()}`),
    description: s(`We run the Kubernetes platform for ${m()}.`),
    requirements: [s(`Kubernetes and Terraform at ${m()}`)],
    external_job_id: s(`REF-${m()}`),
  });
  const job: DomainEvent[] = [
    { type: 'JobCreated', data: { job_id, source: 'user_created', user_id, status: 'draft', catalogue_id: null, content, content_hash: 'a'.repeat(64) } },
    { type: 'JobUpdated', data: { content: { ...content, description: s(`Rewritten for ${m()}.`) }, content_hash: 'b'.repeat(64) } },
    { type: 'JobAnalyzed', data: { content_hash: 'b'.repeat(64), analysis: analyzeJob(content) } },
    { type: 'JobStatusChanged', data: { from: 'draft', to: 'active' } },
    { type: 'JobExpired', data: { expires_date: '2026-11-01' } },
    { type: 'JobDeleted', data: { job_id, user_id } },
  ];

  const erased_user_id = randomUUID();
  const erasedUser: DomainEvent[] = [
    {
      type: 'UserErased',
      data: { user_id: erased_user_id, requested_by: 'self', profile_ids: [randomUUID()], job_ids: [randomUUID()], revoked_family_ids: [randomUUID()] },
    },
  ];

  const generation_id = randomUUID();
  const options: GenerationOptions = { template: 'technical', focus_areas: ['backend'], max_length: 600, include_cover_letter: false, tone: 'professional', cover_letter_max_length: 400 };
  const trigger = randomUUID();
  const generation: DomainEvent[] = [
    {
      type: 'GenerationRequested',
      data: { generation_id, user_id, kind: 'resume', profile_id, profile_version: 3, job_id, job_version: 2, options, parent_id: null, feedback: null, estimated_tokens: 2100 },
    },
    { type: 'GenerationStageStarted', data: { stage: 'job_analysis', attempt: 1, trigger } },
    { type: 'GenerationStageFailed', data: { stage: 'job_analysis', attempt: 1, reason: 'The writing service is temporarily unavailable', retryable: true } },
    { type: 'GenerationStageCompleted', data: { user_id, stage: 'export_preparation', attempt: 1, duration_ms: 500, output: { formats: ['pdf', 'docx'] } } },
    { type: 'GenerationCompleted', data: { ats_score: 0.71, trigger: randomUUID() } },
    { type: 'GenerationFeedbackGiven', data: { user_id, rating: 4, comments: s('More about Kafka, please') } },
    { type: 'GenerationFailed', data: { stage: 'content_generation', reason: 'gave up', trigger: randomUUID() } },
    { type: 'GenerationCancelled', data: { at_stage: 'quality_validation' } },
    { type: 'GenerationDeleted', data: { generation_id, user_id } },
  ];

  const document_id = randomUUID();
  const notification_id = randomUUID();
  const line = (text: string) => ({ text: s(`${text} ${m()}`), sources: [{ kind: 'summary' as const, entry_id: null, index: null }] });
  const share_id = randomUUID();
  const document: DomainEvent[] = [
    {
      type: 'DocumentCreated',
      data: { document_id, user_id, type: 'resume', job_id, profile_id, title: s(`Resume for Northwind ${m()}`), person_name: s(`Ana Núñez ${m()}`), job_title: s(`Platform Engineer ${m()}`), company: s(`Northwind Freight ${m()}`) },
    },
    {
      type: 'DocumentVersionAdded',
      data: {
        user_id,
        version: 1,
        generation_id,
        restored_from: null,
        template: 'technical',
        resume: { template: 'technical', word_count: 4, sections: [{ kind: 'summary', heading: s(`Summary ${m()}`), items: [{ title: line('Lead'), meta: line('2019 – present'), lines: [line('Ran the freight platform')] }] }] },
        cover_letter: null,
        ats_score: 0.7,
        expires_at: '2027-02-28T10:00:00.000Z',
      },
    },
    { type: 'DocumentDetailsUpdated', data: { user_id, title: s(`Sent to Northwind ${m()}`), notes: s(`Call back Tuesday ${m()}`), tags: [s(`priority ${m()}`)] } },
    { type: 'DocumentExported', data: { version: 1, format: 'pdf', template: 'technical', page_size: 'letter', bytes: 51234 } },
    { type: 'DocumentShared', data: { share_id, token_hash: 'ab'.repeat(32), password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', permissions: ['view', 'download'], expires_at: '2026-12-07T10:00:00.000Z', version: null } },
    { type: 'DocumentShareViewed', data: { share_id } },
    { type: 'DocumentDownloaded', data: { version: 1, format: 'docx', share_id } },
    { type: 'DocumentShareRevoked', data: { share_id } },
    { type: 'DocumentExpired', data: { document_id, user_id } },
    { type: 'DocumentDeleted', data: { document_id, user_id } },
  ];

  const application_id = randomUUID();
  const application: DomainEvent[] = [
    {
      type: 'ApplicationCreated',
      data: { application_id, user_id, job_id, document_id, document_version: 1, status: 'preparing', applied_date: null, notes: s(`Referred by Grace ${m()}`) },
    },
    { type: 'ApplicationStatusChanged', data: { user_id, from: 'preparing', to: 'applied', note: s(`Sent through the portal ${m()}`), applied_date: '2026-11-30' } },
    { type: 'ApplicationStatusChanged', data: { user_id, from: 'applied', to: 'interviewing', note: null, applied_date: null } },
    { type: 'ApplicationNotesUpdated', data: { user_id, notes: s(`Second round with ${m()} on Friday`) } },
    { type: 'ApplicationDeleted', data: { application_id, user_id } },
  ];

  return {
    user_id,
    profile_id,
    streams: [
      { stream_id: `useremail-${randomUUID()}`, events: claims },
      { stream_id: `user-${user_id}`, events: user },
      { stream_id: `profile-${profile_id}`, events: profile },
      { stream_id: `job-${job_id}`, events: job },
      // a second user, erased, and a generation (last, so that slices of the first streams stay as they were)
      { stream_id: `user-${erased_user_id}`, events: erasedUser },
      { stream_id: `generation-${generation_id}`, events: generation },
      { stream_id: `document-${document_id}`, events: document },
      {
        stream_id: `adminaccess-${erased_user_id}`,
        events: [{ type: 'AdminHistoryRead', data: { user_id: erased_user_id, action: 'state', target: `profile-${profile_id}`, reason: s(`ticket ${m()}`) } }],
      },
      {
        stream_id: `notification-${notification_id}`,
        events: [
          { type: 'NotificationRaised', data: { notification_id, user_id, kind: 'generation_completed', title: 'Your tailored document is ready', refs: { generation_id }, source_event_id: randomUUID() } },
          { type: 'NotificationRead', data: { notification_id, user_id } },
        ],
      },
      {
        stream_id: `notificationprefs-${user_id}`,
        events: [
          {
            type: 'NotificationPreferencesSet',
            data: { user_id, kinds: { generation_completed: false, generation_failed: true, share_viewed: true, job_alert: true }, digest: 'daily' },
          },
        ],
      },
      { stream_id: `application-${application_id}`, events: application },
      ...jobAlertStreams(user_id, job_id, s(`Remote platform jobs ${m()}`), s(`kubernetes ${m()}`)),
      {
        // a job board's syncs (issue 14 item 5): internal
        stream_id: `jobsource-${randomUUID()}`,
        events: [
          { type: 'JobSourceSynced', data: { source_id: 'acme-greenhouse', started_at: '2026-11-30T08:00:00.000Z', finished_at: '2026-11-30T08:00:02.000Z', fetched: 4, created: 3, updated: 0, archived: 0, unchanged: 0, skipped: 1 } },
          { type: 'JobSourceSyncFailed', data: { source_id: 'acme-greenhouse', started_at: '2026-11-30T09:00:00.000Z', failed_at: '2026-11-30T09:00:03.000Z', message: 'The job board failed (3 attempts): HTTP 503' } },
        ],
      },
    ],
    secrets,
  };
}

/** A saved search, its alert, a match and a digest (issue 14 item 2): internal streams. */
function jobAlertStreams(user_id: string, job_id: string, name: string, query: string): { stream_id: string; events: DomainEvent[] }[] {
  const [search_id, alert_id, match_id, digest_id, notification_id] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const alert = { alert_id, user_id };
  const digest = { digest_id, user_id };
  return [
    {
      stream_id: `savedsearch-${search_id}`,
      events: [
        { type: 'SavedSearchCreated', data: { search_id, user_id, name, query, filters: { remote: 'remote', salary_min: 90000 } } },
        { type: 'SavedSearchDeleted', data: { search_id, user_id } },
      ],
    },
    {
      stream_id: `jobalert-${alert_id}`,
      events: [
        { type: 'JobAlertCreated', data: { ...alert, criteria_id: search_id, frequency: 'daily' } },
        { type: 'JobAlertPaused', data: alert },
        { type: 'JobAlertResumed', data: alert },
        { type: 'JobAlertDeleted', data: alert },
      ],
    },
    {
      stream_id: `jobalertmatch-${match_id}`,
      events: [{ type: 'JobAlertMatched', data: { match_id, user_id, job_id, alert_id, frequency: 'daily', matched_at: '2026-11-30T10:00:00.000Z' } }],
    },
    {
      stream_id: `jobalertdigest-${digest_id}`,
      events: [
        { type: 'JobAlertDigestJobAdded', data: { ...digest, frequency: 'daily', period_start: '2026-11-30T00:00:00.000Z', period_end: '2026-12-01T00:00:00.000Z', job_id } },
        { type: 'JobAlertDigestClosed', data: { ...digest, job_ids: [job_id] } },
        { type: 'JobAlertDigestSent', data: { ...digest, notification_id } },
      ],
    },
  ];
}
