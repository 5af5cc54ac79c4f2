import { z } from 'zod';
import { ApplicationView } from '../applications/http';
import { DocumentView, ShareSummary, VersionView } from '../documents/http';
import { GenerationView } from '../generations/http';
import { GenerationDocument } from '../generations/read-model';
import { JobAlertView } from '../job-search/alerts';
import { SavedSearchView } from '../job-search/saved-searches';
import { JobView } from '../jobs/read-model';
import { NotificationView, Preferences } from '../notifications/http';
import { ProfileView } from '../profiles/read-model';
import { IsoTimestamp } from '../shared/primitives';
import { SessionView, UserView } from '../users/http';
import { JsonResume } from './json-resume';

/** A generation with what was asked and what it produced: the tailored content and its quality report. */
export const ExportedGeneration = GenerationView.extend({
  feedback: GenerationDocument.shape.feedback,
  ratings: GenerationDocument.shape.ratings,
  result: GenerationDocument.shape.result,
});

/** A document with every version's content and its share links (never a link's token or password). */
export const ExportedDocument = DocumentView.extend({ versions: z.array(VersionView), shares: z.array(ShareSummary) });

/**
 * GET /auth/me/export (right of access and portability): everything JobWise holds about the
 * caller, section by section. Each section's schema is the slice's own view; reading a stored
 * document through it drops the bookkeeping and anything the view does not show (token and
 * password hashes of share links, search terms).
 */
export const DataExport = z.object({
  exported_at: IsoTimestamp,
  account: UserView,
  profile: ProfileView.nullable(),
  /** The profile as a JSON Resume document (https://jsonresume.org/schema); null without a profile. */
  json_resume: JsonResume.nullable(),
  /** The jobs the caller created or imported; the static catalogue is not theirs and is left out. */
  jobs: z.array(JobView),
  generations: z.array(ExportedGeneration),
  documents: z.array(ExportedDocument),
  applications: z.array(ApplicationView),
  saved_searches: z.array(SavedSearchView),
  job_alerts: z.array(JobAlertView),
  notifications: z.object({ items: z.array(NotificationView), preferences: Preferences }),
  sessions: z.array(SessionView),
});
export type DataExport = z.infer<typeof DataExport>;
