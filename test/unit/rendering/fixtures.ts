import type { CoverLetterContent, Line, ResumeContent, ResumeItem, Source } from '../../../contracts/generations/content';

const personal: Source = { kind: 'personal_info', entry_id: null, index: null };
const line = (text: string, kind: Source['kind'] = 'experience'): Line => ({ text, sources: [kind === 'personal_info' ? personal : { kind, entry_id: 'e1', index: 0 }] });

export const injections = ['<script>alert(1)</script>', '" onmouseover="alert(1)', "' onclick='alert(2)"];

interface Role { title: string; meta: string; lines: string[] }

const employers = ['Northwind Freight', 'Müller & Søn GmbH', 'Contoso Logistics', 'Fabrikam Analytics', 'Tailspin Toys', 'Wingtip Systems', 'Adventure Works', 'Litware Labs'];

function role(i: number): Role {
  const employer = employers[i % employers.length];
  const start = 2023 - 2 * i;
  return {
    title: `Senior Software Engineer ${i + 1}, ${employer}`,
    meta: `${start - 2}-03 – ${start}-02 · Zürich`,
    lines: [
      `Led the migration of ${employer}'s order pipeline to event sourcing, cutting reconciliation time from two days to forty minutes while keeping every historical record replayable.`,
      `Built TypeScript services on Node.js with Kafka and MongoDB that handle 12,000 requests per second at peak with a p99 latency below 80 ms.`,
      `Mentored four engineers and introduced contract tests between teams, which removed a whole class of integration failures from releases.`,
    ],
  };
}

/** A realistic resume for `name`; `roles` experience entries make it longer (8 give three PDF pages). */
export function resumeFor(name: string, roles = 2): ResumeContent {
  const experience: ResumeItem[] = Array.from({ length: roles }, (_, i) => role(i)).map((r) => ({
    title: line(r.title),
    meta: line(r.meta),
    lines: r.lines.map((l) => line(l)),
  }));
  return {
    template: 'professional',
    word_count: 0,
    sections: [
      { kind: 'header', heading: 'Contact', items: [{ title: line(name, 'personal_info'), meta: null, lines: ['anna@example.com', '+49 30 1234567', 'Berlin, Deutschland'].map((t) => line(t, 'personal_info')) }] },
      { kind: 'summary', heading: 'Professional Summary', items: [{ title: null, meta: null, lines: [line('Backend engineer with ten years of event-sourced systems, from Zoë’s café till to freight at scale.', 'summary')] }] },
      { kind: 'experience', heading: 'Professional Experience', items: experience },
      {
        kind: 'education',
        heading: 'Education',
        items: [{ title: line('MSc Computer Science, Technische Universität München', 'education'), meta: line('2008 – 2010', 'education'), lines: [] }],
      },
      { kind: 'skills', heading: 'Skills', items: [{ title: null, meta: null, lines: [line('TypeScript, Node.js, Kafka, MongoDB, EventStoreDB, PostgreSQL, Docker, Kubernetes', 'skill')] }] },
      { kind: 'languages', heading: 'Languages', items: [{ title: null, meta: null, lines: [line('Deutsch (C2), English (C1), 中文 (B1)', 'language')] }] },
    ],
  };
}

/** A resume whose every text field carries markup: all of it must come out as text. */
export function hostileResume(): ResumeContent {
  const base = resumeFor('Mallory <b>Bold</b> "Quote"');
  return {
    ...base,
    sections: [
      ...base.sections,
      { kind: 'projects', heading: 'Projects <img src=x onerror=alert(3)>', items: [{ title: line(injections[0], 'project'), meta: line(injections[1], 'project'), lines: injections.map((t) => line(t, 'project')) }] },
    ],
  };
}

export const coverLetter: CoverLetterContent = {
  tone: 'professional',
  word_count: 0,
  paragraphs: [
    { role: 'greeting', lines: [line('Dear Hiring Team,', 'job')] },
    { role: 'opening', lines: [line('I am applying for the Staff Engineer role at Northwind Freight.', 'job')] },
    { role: 'body', lines: [line('At Müller & Søn GmbH I led the migration of the order pipeline to event sourcing.'), line('I built services that handle 12,000 requests per second.')] },
    { role: 'closing', lines: [line('I would welcome the chance to talk.', 'job')] },
    { role: 'signature', lines: [line('王小明', 'personal_info')] },
  ],
};

/** Every text of a resume below the header (name and contacts), in reading order: headings, entries, dates, lines. */
export function resumeTexts(content: ResumeContent): string[] {
  return content.sections.filter((s) => s.kind !== 'header').flatMap((s) => [
    s.heading,
    ...s.items.flatMap((i) => [i.title?.text, i.meta?.text, ...i.lines.map((l) => l.text)].filter((t): t is string => t != null)),
  ]);
}
