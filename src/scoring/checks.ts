import type { QualityCheck, QualityComponent } from '../../contracts/generations/quality';

/** A check as measured, with its base weight within its component (base weights of a component sum to 1). */
export interface Measured {
  check: string;
  baseWeight: number;
  /** null: the check does not apply to this content. */
  score: number | null;
  note: string;
  line_paths: string[];
}

/** What a component module returns: its measured checks and what to do about them. */
export interface Assessment {
  detail: string;
  checks: Measured[];
  suggestions: string[];
}

/**
 * The weighted sum of the applicable checks, their base weights scaled up to sum to 1. When no
 * check applies the score is null and every weight 0: "not applicable", never a made-up value.
 */
export function combine(checks: Measured[]): { score: number | null; evidence: QualityCheck[] } {
  const applicable = checks.reduce((sum, c) => sum + (c.score === null ? 0 : c.baseWeight), 0);
  const weightOf = (c: Measured) => (c.score === null || applicable === 0 ? 0 : c.baseWeight / applicable);
  const score = applicable === 0 ? null : checks.reduce((sum, c) => sum + weightOf(c) * (c.score ?? 0), 0);
  const evidence = checks.map((c) => ({
    check: c.check,
    score: c.score === null ? null : round(c.score),
    weight: round(weightOf(c)),
    note: c.note,
    line_paths: c.line_paths,
  }));
  return { score, evidence };
}

/** A component from its assessment, before `weigh` gives it its share of the ATS score. */
export function toComponent(assessment: Assessment): { score: number | null; component: Omit<QualityComponent, 'weight'> } {
  const { score, evidence } = combine(assessment.checks);
  return { score, component: { score: score === null ? null : round(score), detail: assessment.detail, evidence } };
}

/** Four decimals are plenty for a report; sums are computed before rounding. */
export function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** A share of a count, as a Measured score; null when there is nothing to count. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The weighted sum over the components that apply, their weights scaled to sum to 1. */
export function weigh<N extends string>(assessments: Record<N, Assessment>, weights: Record<N, number>): { ats: number; components: Record<N, QualityComponent> } {
  const names = Object.keys(weights) as N[];
  const scored = names.map((name) => ({ name, ...toComponent(assessments[name]) }));
  const applicable = scored.reduce((sum, s) => sum + (s.score === null ? 0 : weights[s.name]), 0);
  let ats = 0;
  const components = {} as Record<N, QualityComponent>;
  for (const { name, score, component } of scored) {
    const weight = score === null || applicable === 0 ? 0 : weights[name] / applicable;
    ats += weight * (score ?? 0);
    components[name] = { score: component.score, weight: round(weight), detail: component.detail, evidence: component.evidence };
  }
  return { ats: round(ats), components };
}
