import type { ResumeContent, SectionKind } from '../../contracts/generations/content';
import type { Assessment, Measured } from './checks';
import type { ResumeLine } from './resume-lines';

/**
 * Section completeness: Σ weight × score over the sections an ATS and a recruiter look for.
 * Experience weighs most (it is what the rest is judged by), then skills (what ATS searches
 * parse), then header contact, summary and education. Each check scores 1, 0, or a documented part:
 *   header     0.15  1 with an email, phone or profile link; 0.5 with a header but no contact
 *   summary    0.15  1 with at least one line
 *   experience 0.35  1 with an item that has lines; 0.5 with only projects that have lines
 *   education  0.15  1 with at least one item
 *   skills     0.20  1 with at least one skill named or listed
 */
export const SECTION_WEIGHTS = { header: 0.15, summary: 0.15, experience: 0.35, education: 0.15, skills: 0.2 } as const;

const CONTACT = /[^\s@]+@[^\s@]+\.[a-z]{2,}|\+?\d[\d\s().-]{6,}\d|https?:\/\/|linkedin\.com|github\.com/i;

export function sectionCompleteness(content: ResumeContent, lines: ResumeLine[]): Assessment {
  const inSection = (kind: SectionKind) => lines.filter((l) => l.section === kind);
  const pathsOf = (kind: SectionKind) => inSection(kind).map((l) => l.path);
  const has = (kind: SectionKind) => inSection(kind).length > 0;
  const itemsWithLines = (kind: SectionKind) => content.sections
    .filter((s) => s.kind === kind)
    .reduce((n, s) => n + s.items.filter((i) => i.lines.length > 0).length, 0);
  const headerContact = inSection('header').some((l) => CONTACT.test(l.text));
  const experienceItems = itemsWithLines('experience');
  const projectItems = itemsWithLines('projects');

  const checks: Measured[] = [
    {
      check: 'header', baseWeight: SECTION_WEIGHTS.header, line_paths: pathsOf('header'),
      score: headerContact ? 1 : has('header') ? 0.5 : 0,
      note: headerContact ? 'header with contact details' : has('header') ? 'header without an email, phone or profile link' : 'no header',
    },
    {
      check: 'summary', baseWeight: SECTION_WEIGHTS.summary, line_paths: pathsOf('summary'),
      score: has('summary') ? 1 : 0, note: has('summary') ? 'summary present' : 'no summary',
    },
    {
      check: 'experience', baseWeight: SECTION_WEIGHTS.experience, line_paths: pathsOf('experience'),
      score: experienceItems > 0 ? 1 : projectItems > 0 ? 0.5 : 0,
      note: experienceItems > 0 ? `${experienceItems} experience items with lines`
        : projectItems > 0 ? 'no experience item with lines; projects count half' : 'no experience item with lines',
    },
    {
      check: 'education', baseWeight: SECTION_WEIGHTS.education, line_paths: pathsOf('education'),
      score: has('education') ? 1 : 0, note: has('education') ? 'education present' : 'no education section',
    },
    {
      check: 'skills', baseWeight: SECTION_WEIGHTS.skills, line_paths: pathsOf('skills'),
      score: has('skills') ? 1 : 0, note: has('skills') ? 'skills present' : 'no skills section',
    },
  ];
  const absent = checks.filter((c) => c.score !== 1).map((c) => c.check);
  return {
    detail: absent.length === 0 ? 'All five sections an ATS expects are there: header with contact, summary, experience, education, skills.'
      : `Missing or incomplete: ${absent.join(', ')}.`,
    checks,
    suggestions: checks.filter((c) => c.score !== 1).map((c) => SUGGESTION[c.check]),
  };
}

const SUGGESTION: Record<string, string> = {
  header: 'Add contact details (email, phone or a profile link) to the header.',
  summary: 'Add a summary section: two or three lines on who you are and what you bring to this role.',
  experience: 'Add an experience section with at least one role and what you achieved in it.',
  education: 'Add an education section.',
  skills: 'Add a skills section listing the tools and methods you use.',
};
