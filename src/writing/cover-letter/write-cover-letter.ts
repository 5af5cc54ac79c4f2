import type { CoverLetterContent, GenerationInput, Line, Source, Tone } from '../../../contracts/generations/content';
import type { ExperienceEntity } from '../../../contracts/profiles/entities';
import type { ProfileView } from '../../../contracts/profiles/read-model';
import { mostRecent } from '../dates';
import { line } from '../draft';
import { relevanceFor } from '../relevance';
import { settingsOf } from '../settings';
import { countWords } from '../text';
import { Evidence, evidenceFor } from './evidence';
import { Wording, WORDING } from './wording';

type Paragraph = CoverLetterContent['paragraphs'][number];

const BODY_PARAGRAPHS = 3;
const MIN_BODY_PARAGRAPHS = 1;
const job: Source = { kind: 'job', entry_id: null, index: null };
const personal: Source = { kind: 'personal_info', entry_id: null, index: null };

/**
 * The deterministic cover letter: greeting, an opening naming the job, two or three body
 * paragraphs each grounded in one experience or project that matches the job, a closing and a
 * signature. Over its length, the proof sentences go first (weakest paragraph first), then
 * whole paragraphs (one always stays).
 */
export function writeCoverLetter(input: GenerationInput): CoverLetterContent {
  const settings = settingsOf(input);
  const tone = settings.tone;
  const wording = WORDING[tone];
  const relevance = relevanceFor(input, settings);
  const evidence = evidenceFor(input.profile, relevance, BODY_PARAGRAPHS);
  const recent = mostRecent(input.profile.experiences.filter((e) => !relevance.droppedIds.has(e.id)));
  let bodies = evidence.map((e) => bodyLines(e, input.profile, wording)).filter((lines) => lines.length > 0);
  const compose = () => letter(input, tone, recent, bodies);
  while (compose().word_count > settings.coverLetterMaxLength) {
    const withProof = bodies.map((b) => b.length > 1).lastIndexOf(true);
    if (withProof >= 0) bodies = bodies.map((b, i) => (i === withProof ? b.slice(0, 1) : b));
    else if (bodies.length > MIN_BODY_PARAGRAPHS) bodies = bodies.slice(0, -1);
    else break;
  }
  return compose();
}

function letter(input: GenerationInput, tone: Tone, recent: ExperienceEntity | null, bodies: Line[][]): CoverLetterContent {
  const wording = WORDING[tone];
  const paragraphs: Paragraph[] = [
    { role: 'greeting', lines: [line(wording.greeting, [job])] },
    { role: 'opening', lines: openingLines(input, wording, recent) },
    ...bodies.map((lines): Paragraph => ({ role: 'body', lines })),
    { role: 'closing', lines: wording.closing.map((text) => line(text, [job])) },
    { role: 'signature', lines: [line(wording.signOff, [personal]), line(input.profile.personal_info.full_name, [personal])] },
  ];
  const word_count = paragraphs.reduce((n, p) => n + p.lines.reduce((m, l) => m + countWords(l.text), 0), 0);
  return { tone, paragraphs, word_count };
}

function openingLines(input: GenerationInput, wording: Wording, recent: ExperienceEntity | null): Line[] {
  const now = recent
    ? [line(wording.currently(recent.title, recent.company, recent.is_current), [{ kind: 'experience', entry_id: recent.id, index: null }])]
    : [];
  return [line(wording.opening(input.job.title, input.job.company), [job]), ...now];
}

function bodyLines(e: Evidence, profile: ProfileView, wording: Wording): Line[] {
  const proof = e.proof ? [line(e.proof.text, [e.proof.source])] : [];
  if (!e.skill) return proof;
  if (e.kind === 'project') {
    const project = profile.projects.find((p) => p.id === e.id)!;
    return [line(wording.project(project.name, e.skill.name), e.skill.sources), ...proof];
  }
  const role = profile.experiences.find((x) => x.id === e.id)!;
  return [line(wording.experience(role.title, role.company, e.skill.name, role.is_current), e.skill.sources), ...proof];
}
