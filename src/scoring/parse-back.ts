import type { ResumeContent } from '../../contracts/generations/content';
import type { ParseBackIssue, ParseBackOutcome } from '../../contracts/generations/parse-back';
import type { Measured } from './checks';
import { quote } from './text';

/**
 * The parse_back check of format compliance: the share of the texts an ATS must find (headings,
 * item titles and dates) that the exported files gave back in reading order, averaged over the
 * formats read back. A file whose text could not be extracted at all scores 0. null without a
 * parse-back (quality validation scores before anything is rendered) or with nothing to look for.
 */
export function parseBackCheck(content: ResumeContent, outcomes: ParseBackOutcome[] | null, baseWeight: number): Measured & { suggestion?: string } {
  const measured = (outcomes ?? []).filter((o) => o.checked > 0);
  if (measured.length === 0) {
    return { check: 'parse_back', baseWeight, score: null, note: outcomes ? 'nothing to look for in the exports' : 'not measured: the exports were not read back', line_paths: [] };
  }
  const failing = measured.filter((o) => !o.ok);
  return {
    check: 'parse_back', baseWeight,
    score: measured.reduce((sum, o) => sum + o.in_order / o.checked, 0) / measured.length,
    note: measured.map((o) => `${o.format}: ${o.error ? 'no text extracted' : `${o.in_order} of ${o.checked} headings, titles and dates read back in order`}`).join('; '),
    line_paths: [...new Set(failing.flatMap((o) => o.issues.map((i) => i.path)))],
    suggestion: failing.length === 0 ? undefined : failing.map((o) => whyItFails(content, o)).join(' '),
  };
}

function whyItFails(content: ResumeContent, outcome: ParseBackOutcome): string {
  const format = outcome.format.toUpperCase();
  if (outcome.error) return `${outcome.error} An ATS reading the ${format} would find nothing.`;
  const shown = outcome.issues.slice(0, 5).map((issue) => `${describe(content, issue)} (${issue.problem === 'missing' ? 'missing' : 'out of order'})`);
  const more = outcome.issues.length > shown.length ? ` and ${outcome.issues.length - shown.length} more` : '';
  return `The ${format} export does not read back as written: ${shown.join(', ')}${more}. An ATS reads the file's text, so it would miss or misplace these.`;
}

/** A path in words: `sections[2].items[1].meta` is 'the dates of "Senior Engineer, Northwind"'. */
function describe(content: ResumeContent, issue: ParseBackIssue): string {
  const match = /^sections\[(\d+)\](?:\.items\[(\d+)\]\.(title|meta))?/.exec(issue.path);
  const section = match ? content.sections[Number(match[1])] : undefined;
  if (!match || !section) return issue.path;
  if (!match[2]) return `the ${quote(section.heading)} heading`;
  const item = section.items[Number(match[2])];
  if (!item) return issue.path;
  if (match[3] === 'title') return section.kind === 'header' ? 'the name' : `the title ${quote(item.title?.text ?? '')}`;
  return item.title ? `the dates of ${quote(item.title.text)}` : `the dates ${quote(item.meta?.text ?? '')}`;
}
