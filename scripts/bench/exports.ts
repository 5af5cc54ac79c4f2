import { ResumeContent, Source } from '../../contracts/generations/content';
import { renderResume } from '../../src/rendering';
import { parseBack, stopPdfTextExtractor } from '../../src/rendering/parse-back';
import { percentile } from './http-client';

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const FORMATS = ['pdf', 'docx', 'html', 'md', 'txt'] as const;

const source = (kind: Source['kind'], entry_id: string | null = null): Source[] => [{ kind, entry_id, index: null }];
const line = (text: string, sources: Source[]) => ({ text, sources });

/** A resume of `roles` experiences with `bullets` lines each: 2 × 4 fills about a page, 12 × 7 about three. */
function resume(roles: number, bullets: number): ResumeContent {
  const experience = Array.from({ length: roles }, (_, i) => {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    return {
      title: line(`Senior Backend Engineer, Northwind Logistics ${i + 1}`, source('experience', id)),
      meta: line(`2019-03 – 2021-0${(i % 9) + 1} · Berlin, Germany`, source('experience', id)),
      lines: Array.from({ length: bullets }, (_, j) =>
        line(`Built event-driven services in TypeScript on Kafka and PostgreSQL that cut the p99 latency of tracking request ${j + 1}`, source('achievement', id)),
      ),
    };
  });
  return {
    template: 'professional',
    word_count: 0,
    sections: [
      { kind: 'header', heading: 'Contact', items: [{ title: line('Ada Example', source('personal_info')), meta: null, lines: [line('ada@example.com · Berlin', source('personal_info'))] }] },
      { kind: 'summary', heading: 'Summary', items: [{ title: null, meta: null, lines: [line('Backend engineer building event-driven systems for eight years.', source('summary'))] }] },
      { kind: 'experience', heading: 'Experience', items: experience },
      { kind: 'skills', heading: 'Skills', items: [{ title: null, meta: null, lines: [line('TypeScript, Node.js, Kafka, PostgreSQL, Kubernetes', source('skill'))] }] },
    ],
  };
}

const RESUMES = [['1 page', resume(2, 4)], ['3 pages', resume(12, 7)]] as const;

/** Exports per second of each format, one at a time, for a one-page and a three-page resume. */
export async function exportFigures(rounds: number): Promise<void> {
  for (const [label, content] of RESUMES) {
    for (const format of FORMATS) {
      const options = { format, metadata: { title: 'Resume', author: 'Ada Example' } };
      await renderResume(content, options); // fonts and modules loaded once, outside the timing
      const latencies: number[] = [];
      const started = performance.now();
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        await renderResume(content, options);
        latencies.push(performance.now() - t0);
      }
      const per_second = rounds / ((performance.now() - started) / 1000);
      console.log(`export ${format.padEnd(4)} (${label}):  ${fmt(per_second)} exports/s  p50 ${fmt(percentile(latencies, 50))} ms  p99 ${fmt(percentile(latencies, 99))} ms`);
    }
  }
}

/**
 * The export stage's parse-back, one at a time: render the PDF and the DOCX and read both back
 * (pdf.js in its worker thread). The first call, which loads pdf.js, is timed on its own.
 */
export async function parseBackFigures(rounds: number): Promise<void> {
  await stopPdfTextExtractor();
  for (const [label, content] of RESUMES) {
    const t0 = performance.now();
    const first = await parseBack({ kind: 'resume', content });
    const cold = performance.now() - t0;
    if (!first.every((o) => o.ok)) throw new Error(`parse-back failed on the bench resume: ${JSON.stringify(first)}`);
    const latencies: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await parseBack({ kind: 'resume', content });
      latencies.push(performance.now() - started);
    }
    console.log(`parse-back pdf+docx (${label}):  p50 ${fmt(percentile(latencies, 50))} ms  p99 ${fmt(percentile(latencies, 99))} ms  (first call ${fmt(cold)} ms)`);
  }
  await stopPdfTextExtractor();
}
