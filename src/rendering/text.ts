import type { Block } from './layout';

export const TXT_WIDTH = 80;

/** Plain text: headings upper-cased and underlined, lists as "- " with a hanging indent, wrapped at 80 columns. */
export function renderText(blocks: Block[]): Buffer {
  const out: string[] = [];
  for (const block of blocks) out.push(...textBlock(block));
  while (out[0] === '') out.shift();
  return Buffer.from(out.join('\n') + '\n', 'utf8');
}

function textBlock(block: Block): string[] {
  switch (block.kind) {
    case 'name':
      return underlined(block.text, '=');
    case 'heading':
      return ['', ...underlined(block.text.toUpperCase(), '-')];
    case 'entry':
      return ['', ...wrap(block.text, TXT_WIDTH)];
    case 'contact':
    case 'meta':
      return wrap(block.text, TXT_WIDTH);
    case 'bullet':
      return wrap(block.text, TXT_WIDTH - 2).map((l, i) => (i === 0 ? '- ' : '  ') + l);
    case 'paragraph':
      return ['', ...wrap(block.text, TXT_WIDTH)];
    default: {
      const never: never = block;
      return never;
    }
  }
}

function underlined(text: string, rule: string): string[] {
  const lines = wrap(text, TXT_WIDTH);
  const longest = Math.max(...lines.map((l) => [...l].length));
  return [...lines, rule.repeat(longest)];
}

/**
 * Greedy word wrap to `width` code points. A word is broken only when it alone is longer than
 * the line.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    for (const piece of chunks(word, width)) {
      const joined = current === '' ? piece : `${current} ${piece}`;
      if ([...joined].length <= width) current = joined;
      else {
        lines.push(current);
        current = piece;
      }
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

function chunks(word: string, width: number): string[] {
  const chars = [...word];
  if (chars.length <= width) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}
