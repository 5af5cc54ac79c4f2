import { z } from 'zod';

/**
 * Reading a model's reply as a contract document. Strict: the reply is accepted only when it
 * parses with the zod schema; otherwise the problem is described in words a user (and the model,
 * on its corrective retry) can act on, e.g. "sections[0].heading is required".
 */

export type ReplyReading<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Issues named in a problem; the rest are counted. */
const MAX_ISSUES = 5;

export function readReply<T>(reply: string | null | undefined, schema: z.ZodType<T>): ReplyReading<T> {
  if (reply == null || reply.trim() === '') return { ok: false, problem: 'the reply was empty' };
  let data: unknown;
  try {
    data = JSON.parse(withoutCodeFence(reply));
  } catch (error) {
    return { ok: false, problem: `the reply is not JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: describeIssues(parsed.error.issues) };
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const named = issues.slice(0, MAX_ISSUES).map(describeIssue);
  const more = issues.length - named.length;
  return more > 0 ? `${named.join('; ')}; and ${more} more` : named.join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'the reply' : formatPath(issue.path);
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) return `${where} is required`;
  if (issue.code === 'unrecognized_keys') return `${where} has unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return `${where}: ${lowerFirst(issue.message)}`;
}

/** ['sections', 0, 'heading'] → sections[0].heading */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
}

/** Servers without a JSON mode often wrap the object in a Markdown fence; the object inside is still read strictly. */
function withoutCodeFence(reply: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(reply);
  return fenced ? fenced[1] : reply;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
