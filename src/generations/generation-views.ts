import { Template } from '../../contracts/generations/content';
import { STAGE_SECONDS, STAGES } from '../../contracts/generations/events';
import { GenerationAnalytics, GenerationResult, TemplateList } from '../../contracts/generations/http';
import { GenerationDocument } from '../../contracts/generations/read-model';
import { DomainError } from '../shared/errors';
import { LAYOUTS } from '../writing/layout';

/** The generation, once it has completed; GENERATION.NOT_READY before. */
export function completed(doc: GenerationDocument): GenerationDocument {
  if (doc.status !== 'completed') throw new DomainError('GENERATION.NOT_READY', `The generation is ${doc.status}; its result is there once it has completed`);
  return doc;
}

export function resultOf(doc: GenerationDocument): GenerationResult {
  const r = doc.result;
  return {
    generation_id: doc.id,
    kind: doc.kind,
    resume: r.resume ?? null,
    cover_letter: r.cover_letter ?? null,
    quality: { resume_quality: r.resume_quality ?? null, cover_letter_quality: r.cover_letter_quality ?? null },
    repaired: r.repaired?.length ?? 0,
    provider: r.provider ?? null,
    formats: r.formats ?? [],
    parse_back: r.parse_back ?? null,
  };
}

const TEMPLATE_TEXT: Record<Template, { name: string; description: string }> = {
  professional: { name: 'Professional', description: 'The classic order (summary, experience, education, skills) with plain headings; suits most roles and conservative industries.' },
  technical: { name: 'Technical', description: 'Skills first, grouped by category, projects before education; suits engineering and other hands-on technical roles.' },
  creative: { name: 'Creative', description: 'Led by an "about me" and selected work, friendlier headings, employer before title; suits design, marketing and portfolio-driven roles.' },
};

export function templates(): TemplateList {
  return { items: Template.options.map((id) => ({ id, ...TEMPLATE_TEXT[id], section_order: LAYOUTS[id].order })) };
}

export function analyticsOf(doc: GenerationDocument, now: string): GenerationAnalytics {
  const stages = STAGES.map((stage) => {
    const run = doc.stages.find((s) => s.stage === stage);
    return { stage, status: run?.status ?? 'waiting', attempt: run?.attempt ?? 0, duration_ms: run?.duration_ms ?? null, expected_ms: Math.round(STAGE_SECONDS[stage] * 1000) };
  });
  const tokens = doc.result.tokens;
  const quality = doc.result.resume_quality ?? doc.result.cover_letter_quality ?? null;
  const ratings = doc.ratings.map((r) => r.rating);
  const end = doc.completed_at ?? now;
  return {
    generation_id: doc.id,
    status: doc.status,
    stages,
    total_duration_ms: stages.reduce((sum, s) => sum + (s.duration_ms ?? 0), 0),
    expected_duration_ms: stages.reduce((sum, s) => sum + s.expected_ms, 0),
    elapsed_ms: Math.max(0, Date.parse(end) - Date.parse(doc.created_at)),
    estimated_tokens: doc.estimated_tokens,
    tokens_used: tokens ? { ...tokens, total: tokens.prompt + tokens.completion } : null,
    ats_score: doc.ats_score,
    keyword_match_rate: quality?.keyword_match_rate ?? null,
    feedback: {
      count: ratings.length,
      average_rating: ratings.length > 0 ? Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100 : null,
      ratings,
    },
  };
}
