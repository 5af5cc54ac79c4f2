import type { Block } from './layout';

/** Markdown: `#` for the name, `##` for section headings, `###` for entries, `- ` lists. */
export function renderMarkdown(blocks: Block[]): Buffer {
  const out: string[] = [];
  let inList = false;
  for (const block of blocks) {
    const line = markdownLine(block);
    const isList = block.kind === 'bullet';
    // A list is one run of "- " lines; everything else is its own paragraph.
    if (!(isList && inList) && out.length > 0) out.push('');
    out.push(line);
    inList = isList;
  }
  return Buffer.from(out.join('\n') + '\n', 'utf8');
}

function markdownLine(block: Block): string {
  const text = escapeMarkdown(block.text);
  switch (block.kind) {
    case 'name':
      return `# ${text}`;
    case 'heading':
      return `## ${text}`;
    case 'entry':
      return `### ${text}`;
    case 'meta':
      return `*${text}*`;
    case 'bullet':
      return `- ${text}`;
    case 'contact':
    case 'paragraph':
      return text;
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * User text is text: characters Markdown would read as emphasis, links, code, HTML or a
 * block marker at the start of a line are backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^([#+\-=>]|\d+[.)])/, '\\$1');
}
