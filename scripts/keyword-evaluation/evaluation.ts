import type { KeywordAnalysis } from '../../contracts/jobs/keyword-analysis';
import { analyzeJob, extractSkills, skillNamed, type JobPosting } from '../../src/keywords';

/**
 * Precision and recall of the analyzer's skills against postings labelled by hand.
 *
 * Per posting, the extracted set is required ∪ preferred skills and the expected set is the
 * labels' required ∪ preferred (canonical names, compared case-insensitively). Precision =
 * TP / (TP + FP), recall = TP / (TP + FN), micro-averaged over all postings. "Bucket accuracy"
 * is the share of true positives the analyzer also put in the labelled bucket (required or
 * preferred). Labels that are not taxonomy names can never be found; they are reported. A miss
 * whose label the taxonomy reads as another name of a skill the analyzer did report ("Mandarin"
 * for Mandarin Chinese) still counts as a miss, and is listed as named differently.
 */

export interface LabelledPosting {
  name: string;
  posting: JobPosting;
  labels: { required: string[]; preferred: string[] };
}

export interface PostingScore {
  name: string;
  truePositives: string[];
  falsePositives: string[];
  falseNegatives: string[];
  /** True positives whose bucket (required / preferred) differs from the label's. */
  wrongBucket: string[];
  unknownLabels: string[];
  /** Misses whose label the taxonomy reads as a skill that was reported under its own name. */
  namedDifferently: Array<{ label: string; skill: string }>;
  precision: number;
  recall: number;
}

export interface EvaluationReport {
  postings: PostingScore[];
  precision: number;
  recall: number;
  f1: number;
  bucketAccuracy: number;
}

export function evaluate(postings: LabelledPosting[], analyze: (p: JobPosting) => KeywordAnalysis = analyzeJob): EvaluationReport {
  const scores = postings.map((p) => scorePosting(p, analyze(p.posting)));
  const sum = (pick: (s: PostingScore) => string[]) => scores.reduce((n, s) => n + pick(s).length, 0);
  const tp = sum((s) => s.truePositives);
  const precision = ratio(tp, tp + sum((s) => s.falsePositives));
  const recall = ratio(tp, tp + sum((s) => s.falseNegatives));
  return {
    postings: scores,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    bucketAccuracy: ratio(tp - sum((s) => s.wrongBucket), tp),
  };
}

function scorePosting({ name, labels }: LabelledPosting, analysis: KeywordAnalysis): PostingScore {
  const expected = bucketsByKey(labels.required, labels.preferred);
  const found = bucketsByKey(analysis.required_skills, analysis.preferred_skills);
  const truePositives = [...found.keys()].filter((k) => expected.has(k));
  const falseNegatives = [...expected.keys()].filter((k) => !found.has(k));
  const namedDifferently = [...labels.required, ...labels.preferred]
    .filter((label) => falseNegatives.includes(label.toLowerCase()))
    .map((label) => ({ label, skill: extractSkills(label).map((s) => s.skill) }))
    .filter(({ skill }) => skill.length === 1 && found.has(skill[0].toLowerCase()) && !expected.has(skill[0].toLowerCase()))
    .map(({ label, skill }) => ({ label, skill: skill[0] }));
  return {
    name,
    truePositives,
    falsePositives: [...found.keys()].filter((k) => !expected.has(k)),
    falseNegatives,
    wrongBucket: truePositives.filter((k) => found.get(k) !== expected.get(k)),
    unknownLabels: [...labels.required, ...labels.preferred].filter((l) => !skillNamed(l)),
    namedDifferently,
    precision: ratio(truePositives.length, found.size),
    recall: ratio(truePositives.length, expected.size),
  };
}

/** Lower-cased name -> bucket; a skill listed in both counts as required. */
function bucketsByKey(required: string[], preferred: string[]): Map<string, 'required' | 'preferred'> {
  const buckets = new Map<string, 'required' | 'preferred'>();
  for (const name of preferred) buckets.set(name.toLowerCase(), 'preferred');
  for (const name of required) buckets.set(name.toLowerCase(), 'required');
  return buckets;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function formatReport(report: EvaluationReport): string {
  const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
  const lines = report.postings.map((s) => {
    const misses = [
      s.falsePositives.length ? `  extra: ${s.falsePositives.join(', ')}` : '',
      s.falseNegatives.length ? `  missed: ${s.falseNegatives.join(', ')}` : '',
      s.unknownLabels.length ? `  labels not in taxonomy: ${s.unknownLabels.join(', ')}` : '',
      s.namedDifferently.length ? `  named differently: ${s.namedDifferently.map((n) => `${n.label} -> ${n.skill}`).join(', ')}` : '',
    ].filter(Boolean);
    return [`${s.name.padEnd(40)} precision ${pct(s.precision).padStart(6)}  recall ${pct(s.recall).padStart(6)}`, ...misses].join('\n');
  });
  const labels = report.postings.reduce((n, s) => n + s.truePositives.length + s.falseNegatives.length, 0);
  const unknown = report.postings.reduce((n, s) => n + s.unknownLabels.length, 0);
  const renamed = report.postings.reduce((n, s) => n + s.namedDifferently.length, 0);
  const summary = [
    `postings: ${report.postings.length}`,
    `labels: ${labels} (${unknown} not in the taxonomy; ${renamed} missed only because the taxonomy names the skill differently)`,
    `micro precision: ${pct(report.precision)}`,
    `micro recall:    ${pct(report.recall)}`,
    `F1:              ${pct(report.f1)}`,
    `required/preferred placed as labelled: ${pct(report.bucketAccuracy)}`,
  ];
  return [...lines, '', ...summary].join('\n');
}
