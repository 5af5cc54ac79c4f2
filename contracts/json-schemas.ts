import { z } from 'zod';
import { ApplicationCommandSchema } from './applications/commands';
import { ApplicationCreateRequest, ApplicationPage, ApplicationStats, ApplicationUpdateRequest, ApplicationView } from './applications/http';
import { ApplicationDocument } from './applications/read-model';
import { DomainEventSchemas } from './events';
import {
  CoverLetterGenerationRequest,
  FeedbackRequest,
  GenerationAnalytics,
  GenerationPage,
  GenerationResult,
  GenerationValidation,
  GenerationView,
  RegenerateRequest,
  ResumeGenerationRequest,
  TemplateList,
} from './generations/http';
import { GenerationDocument } from './generations/read-model';
import { JobCommandSchema } from './jobs/commands';
import { JobCreateRequest, JobStatusRequest, JobUpdateRequest } from './jobs/http';
import { ConversionResult, ConvertTextRequest, JobTemplate, ValidationResult } from './jobs/job';
import { KeywordAnalysis } from './jobs/keyword-analysis';
import { JobDocument, JobPage, JobView } from './jobs/read-model';
import { IntegrationEventSchemas } from './integration';
import { ProfileCommandSchema } from './profiles/commands';
import { ProfileAnalytics, ProfileDocument, ProfileSummary, ProfileView } from './profiles/read-model';
import { ProfileCreateRequest, ProfileUpdateRequest } from './profiles/requests';
import { EventMetadataSchema } from './shared/envelope';
import { UserCommandSchema } from './users/commands';
import { AuthResponse, LoginRequest, RegisterRequest, UserDocument } from './users/http';

/**
 * The JSON Schema files committed under contracts/schemas, generated from the zod contracts.
 * `npm run contracts:generate` writes them; a test fails when they are out of date.
 */
const named: Record<string, z.ZodType> = {
  'envelope/event-metadata': EventMetadataSchema,
  'commands/profile-command': ProfileCommandSchema,
  'commands/user-command': UserCommandSchema,
  'commands/job-command': JobCommandSchema,
  'commands/application-command': ApplicationCommandSchema,
  'read-models/profiles_v1': ProfileDocument,
  'read-models/users_v1': UserDocument,
  'read-models/jobs_v2': JobDocument,
  'read-models/generations_v1': GenerationDocument,
  'read-models/applications_v1': ApplicationDocument,
  'http/profile-create-request': ProfileCreateRequest,
  'http/profile-update-request': ProfileUpdateRequest,
  'http/profile': ProfileView,
  'http/profile-analytics': ProfileAnalytics,
  'http/profile-summary': ProfileSummary,
  'http/register-request': RegisterRequest,
  'http/login-request': LoginRequest,
  'http/auth-response': AuthResponse,
  'http/job-create-request': JobCreateRequest,
  'http/job-update-request': JobUpdateRequest,
  'http/job-status-request': JobStatusRequest,
  'http/job': JobView,
  'http/job-page': JobPage,
  'http/job-keyword-analysis': KeywordAnalysis,
  'http/job-template': JobTemplate,
  'http/job-convert-text-request': ConvertTextRequest,
  'http/job-conversion-result': ConversionResult,
  'http/job-validation-result': ValidationResult,
  'http/generation-resume-request': ResumeGenerationRequest,
  'http/generation-cover-letter-request': CoverLetterGenerationRequest,
  'http/generation-regenerate-request': RegenerateRequest,
  'http/generation-feedback-request': FeedbackRequest,
  'http/generation': GenerationView,
  'http/generation-page': GenerationPage,
  'http/generation-result': GenerationResult,
  'http/generation-analytics': GenerationAnalytics,
  'http/generation-validation': GenerationValidation,
  'http/generation-templates': TemplateList,
  'http/application-create-request': ApplicationCreateRequest,
  'http/application-update-request': ApplicationUpdateRequest,
  'http/application': ApplicationView,
  'http/application-page': ApplicationPage,
  'http/application-stats': ApplicationStats,
};

export function jsonSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const schema of DomainEventSchemas) files[`events/${schema.shape.type.value}.json`] = render(schema, 'output');
  for (const schema of IntegrationEventSchemas) files[`integration/${schema.shape.event_type.value}.json`] = render(schema, 'output');
  for (const [name, schema] of Object.entries(named)) {
    files[`${name}.json`] = render(schema, name.startsWith('http/') && name.endsWith('request') ? 'input' : 'output');
  }
  return files;
}

function render(schema: z.ZodType, io: 'input' | 'output'): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' }), null, 2)}\n`;
}
