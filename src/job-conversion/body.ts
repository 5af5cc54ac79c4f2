import type { Line } from './lines';
import { listItems } from './lists';
import type { Section } from './sections';

/** The description and the three lists, gathered from the sections of a posting. */
export interface Body {
  description: string | null;
  requirements: string[];
  responsibilities: string[];
  benefits: string[];
  confidence: { description: number; requirements: number; responsibilities: number; benefits: number };
}

type ListName = 'requirements' | 'responsibilities' | 'benefits';
const OPTIONAL_WORDING = /nice to have|bonus|a plus|preferred|desirable|ideally|advantage|optional|not required/i;

export function readBody(sections: Section[], skip: Set<number>): Body {
  const lists: Record<ListName, string[]> = { requirements: [], responsibilities: [], benefits: [] };
  const confidence = { description: 0, requirements: 0, responsibilities: 0, benefits: 0 };
  const prose: Line[] = [];
  const add = (list: ListName, items: string[], sure: number) => {
    lists[list].push(...items);
    if (items.length) confidence[list] = Math.max(confidence[list], sure);
  };

  for (const section of sections) {
    const lines = section.lines.filter((line) => !skip.has(line.index));
    switch (section.kind) {
      case 'requirements':
      case 'responsibilities':
      case 'benefits': {
        const { items, prose: rest } = listItems(lines);
        add(section.kind, items, 0.9);
        prose.push(...rest);
        break;
      }
      case 'nice_to_have': {
        const { items, prose: rest } = listItems(lines);
        add('requirements', items.map((item) => (OPTIONAL_WORDING.test(item) ? item : `Nice to have: ${item}`)), 0.9);
        prose.push(...rest);
        break;
      }
      case 'about_role': {
        // Bullets under "About the role" are nearly always duties.
        add('responsibilities', lines.filter((line) => line.bullet).map((line) => line.text), 0.6);
        prose.push(...lines.filter((line) => !line.bullet));
        if (lines.some((line) => !line.bullet)) confidence.description = 0.9;
        break;
      }
      case 'ignored':
        break;
      default:
        prose.push(...lines);
    }
  }
  const description = renderDescription(prose);
  if (description && !confidence.description) confidence.description = 0.7;
  return { description, ...lists, confidence };
}

/** Paragraphs split where the posting had a blank line or something (a heading, a label) was taken out. */
function renderDescription(lines: Line[]): string | null {
  const ordered = [...lines].sort((a, b) => a.index - b.index);
  const text = ordered
    .map((line, i) => {
      const previous = ordered[i - 1];
      const separator = !previous ? '' : line.afterBlank || line.index !== previous.index + 1 ? '\n\n' : '\n';
      return `${separator}${line.bullet ? '- ' : ''}${line.text}`;
    })
    .join('');
  return text.trim() || null;
}
