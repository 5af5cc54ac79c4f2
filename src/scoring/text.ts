import type { ExtractedSkill } from '../keywords';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#.'’/-]*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Words that join the items of a list without making it a sentence. */
const LIST_JOINERS = new Set(['and', 'or', 'with', 'plus', 'etc', 'etc.', '&', 'including', 'using', 'used', 'skills', 'tools']);

/** At least this many skill mentions make a line a candidate keyword list. */
const LIST_MIN_MENTIONS = 3;

/**
 * A keyword list: a line of at least three skill mentions where the other words (list joiners
 * aside) are fewer than the mentions, e.g. "Python, Docker, Kubernetes" or "Java Java Java Spring".
 * "Built a Django API on PostgreSQL and Docker" is a sentence, not a list.
 */
export function isKeywordList(text: string, skills: ExtractedSkill[]): boolean {
  const spans = skills.flatMap((s) => s.offsets).sort((a, b) => a.start - b.start);
  if (spans.length < LIST_MIN_MENTIONS) return false;
  let rest = '';
  let at = 0;
  for (const span of spans) {
    rest += ` ${text.slice(at, span.start)} `;
    at = Math.max(at, span.end);
  }
  rest += text.slice(at);
  const otherWords = (rest.match(WORD) ?? []).filter((w) => !LIST_JOINERS.has(w.toLowerCase()));
  return otherWords.length < spans.length;
}

/** "Java" or "Java, Docker and 3 more" for notes and suggestions. */
export function listNames(names: string[], max = 5): string {
  if (names.length <= max) return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

export function quote(text: string, max = 60): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
