import type { DomainEvent } from './events';

/**
 * Personal fields of every stored event type (ADR 0009): the paths the serializer encrypts with
 * the data subject's key. A path is dot-separated; `*` stands for every element of an array.
 * Only strings are encrypted (null and absent values stay as they are), so every path names a
 * string field or a list of strings. Ids, types, timestamps, statuses, counts and skills stay
 * plain so projections, search and analytics keep working.
 *
 * The Record type makes the decision compulsory: a new event type does not compile until it is
 * listed here (possibly with no personal field), and test/unit/contracts/personal.test.ts checks
 * that every path exists in the event's schema.
 */
export const PersonalPaths: { readonly [T in DomainEvent['type']]: readonly string[] } = {
  // users: the e-mail and the name. The password hash is a secret, not personal text: it stays
  // readable so that login works, and is meaningless without the password.
  UserRegistered: ['email', 'full_name'],
  RefreshTokenIssued: [],
  RefreshTokenRotated: [],
  RefreshTokenFamilyRevoked: [],
  PasswordChanged: [],
  UserErased: [],
  // claims: ids only (the e-mail claim's stream name is a hash of the address)
  ClaimTaken: [],
  ClaimReleased: [],
  // profiles
  ProfileCreated: [
    ...personalInfo('personal_info.'),
    'professional_summary',
    ...experience('experiences.*.'),
    ...education('education.*.'),
    ...project('projects.*.'),
    ...certifications('skills.'),
  ],
  ProfileUpdated: [...personalInfo('personal_info.'), 'professional_summary'],
  SkillsUpdated: certifications('skills.'),
  ExperienceAdded: experience('experience.'),
  ExperienceUpdated: experience('experience.'),
  ExperienceRemoved: [],
  EducationAdded: education('education.'),
  EducationUpdated: education('education.'),
  EducationRemoved: [],
  ProjectAdded: project('project.'),
  ProjectUpdated: project('project.'),
  ProjectRemoved: [],
  ProfileDeleted: [],
  // jobs: the text of a posting a user saved (catalogue jobs have no data subject: stored plain)
  JobCreated: jobContent('content.'),
  JobUpdated: jobContent('content.'),
  JobAnalyzed: [],
  JobStatusChanged: [],
  JobExpired: [],
  JobDeleted: [],
  // generations: the options and feedback a user typed, and every generated text (the quality
  // report quotes item titles and suggests changes in words). Ids, stages, sources and scores stay plain.
  GenerationRequested: ['options.focus_areas.*', 'feedback.emphasise.*', 'feedback.drop.*'],
  GenerationStageStarted: [],
  GenerationStageCompleted: [
    ...resumeText('output.resume.'),
    ...coverLetterText('output.cover_letter.'),
    ...qualityText('output.resume_quality.', ['keyword_coverage', 'keyword_density', 'section_completeness', 'format_compliance']),
    ...qualityText('output.cover_letter_quality.', ['keyword_coverage', 'structure']),
    'output.resume_quality.matched_keywords.*.where.*.item',
  ],
  GenerationStageFailed: ['reason'],
  GenerationCompleted: [],
  GenerationFailed: ['reason'],
  GenerationCancelled: [],
  GenerationFeedbackGiven: ['comments'],
  GenerationDeleted: [],
  // documents: the title, notes and tags the user typed, whose and which job it is, and every
  // version's text. Share tokens and passwords are stored as hashes; ids, formats, counts plain.
  DocumentCreated: ['title', 'person_name', 'job_title', 'company'],
  DocumentVersionAdded: [...resumeText('resume.'), ...coverLetterText('cover_letter.')],
  DocumentDetailsUpdated: ['title', 'notes', 'tags.*'],
  DocumentExported: [],
  DocumentDownloaded: [],
  DocumentShared: [],
  DocumentShareRevoked: [],
  DocumentShareViewed: [],
  DocumentExpired: [],
  DocumentDeleted: [],
  // applications: the notes the user typed, on the application and on each status change
  ApplicationCreated: ['notes'],
  ApplicationStatusChanged: ['note'],
  ApplicationNotesUpdated: ['notes'],
  ApplicationDeleted: [],
  // admin: the reason an admin gave for reading history
  AdminHistoryRead: ['reason'],
  // notifications: generic titles and ids only
  NotificationRaised: [],
  NotificationRead: [],
  NotificationPreferencesSet: [],
  // saved searches: the name and the words the user typed; alerts, matches and digests: ids only
  SavedSearchCreated: ['name', 'query'],
  SavedSearchDeleted: [],
  JobAlertCreated: [],
  JobAlertPaused: [],
  JobAlertResumed: [],
  JobAlertDeleted: [],
  JobAlertMatched: [],
  JobAlertDigestJobAdded: [],
  JobAlertDigestClosed: [],
  JobAlertDigestSent: [],
  // job boards: counts and board failures
  JobSourceSynced: [],
  JobSourceSyncFailed: [],
};

function personalInfo(prefix: string): string[] {
  return ['full_name', 'email', 'phone', 'location', 'linkedin', 'github', 'website'].map((field) => prefix + field);
}
function experience(prefix: string): string[] {
  return ['title', 'company', 'location', 'description', 'achievements.*'].map((field) => prefix + field);
}
function education(prefix: string): string[] {
  return ['institution', 'degree', 'field_of_study', 'honors.*'].map((field) => prefix + field);
}
function project(prefix: string): string[] {
  return ['name', 'description', 'url'].map((field) => prefix + field);
}
function certifications(prefix: string): string[] {
  return ['certifications.*.credential_id'].map((field) => prefix + field);
}
function jobContent(prefix: string): string[] {
  const fields = ['title', 'company', 'location', 'description', 'requirements.*', 'responsibilities.*', 'benefits.*', 'external_job_id', 'application_url'];
  return fields.map((field) => prefix + field);
}

function resumeText(prefix: string): string[] {
  return ['sections.*.heading', 'sections.*.items.*.title.text', 'sections.*.items.*.meta.text', 'sections.*.items.*.lines.*.text'].map((field) => prefix + field);
}
function coverLetterText(prefix: string): string[] {
  return ['paragraphs.*.lines.*.text'].map((field) => prefix + field);
}
function qualityText(prefix: string, components: string[]): string[] {
  return ['suggestions.*', ...components.flatMap((c) => [`components.${c}.detail`, `components.${c}.evidence.*.note`])].map((field) => prefix + field);
}

/** Which event types have at least one personal field. */
export const hasPersonalFields = (type: string): boolean => (PersonalPaths[type as DomainEvent['type']]?.length ?? 0) > 0;
