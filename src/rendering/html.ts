import type { DocumentMetadata, PageSize } from '../../contracts/documents/rendering';
import type { Block } from './layout';
import type { TemplateStyle } from './templates';

/** Every character HTML could read as markup or an attribute boundary. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** One standalone HTML file with print CSS; every piece of text goes through escapeHtml. */
export function renderHtml(blocks: Block[], metadata: DocumentMetadata, pageSize: PageSize, style: TemplateStyle): Buffer {
  const body: string[] = [];
  let inList = false;
  for (const block of blocks) {
    if (block.kind === 'bullet' && !inList) body.push('<ul>');
    if (block.kind !== 'bullet' && inList) body.push('</ul>');
    inList = block.kind === 'bullet';
    body.push(htmlBlock(block));
  }
  if (inList) body.push('</ul>');
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(metadata.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(metadata.title)}</title>`,
    `<meta name="author" content="${escapeHtml(metadata.author)}">`,
    `<style>${css(pageSize, style)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
  ];
  return Buffer.from(html.join('\n') + '\n', 'utf8');
}

function htmlBlock(block: Block): string {
  const text = escapeHtml(block.text);
  switch (block.kind) {
    case 'name':
      return `<h1>${text}</h1>`;
    case 'contact':
      return `<p class="contact">${text}</p>`;
    case 'heading':
      return `<h2>${text}</h2>`;
    case 'entry':
      return `<h3>${text}</h3>`;
    case 'meta':
      return `<p class="meta">${text}</p>`;
    case 'bullet':
      return `<li>${text}</li>`;
    case 'paragraph':
      return `<p>${text}</p>`;
    default: {
      const never: never = block;
      return never;
    }
  }
}

function css(pageSize: PageSize, style: TemplateStyle): string {
  return [
    `@page { size: ${pageSize === 'a4' ? 'A4' : 'letter'}; margin: 0.75in; }`,
    `body { font-family: ${style.cssFonts}; font-size: 10.5pt; line-height: 1.35; color: #111; margin: 0; }`,
    '@media screen { main { max-width: 7in; margin: 0.75in auto; } }',
    `h1 { font-size: 20pt; margin: 0 0 4pt; color: #${style.accent}; }`,
    `h2 { font-size: ${style.headingSize}pt; margin: 14pt 0 4pt; color: #${style.accent}; border-bottom: 1px solid #${style.accent}; break-after: avoid; }`,
    'h3 { font-size: 11pt; margin: 8pt 0 0; break-after: avoid; }',
    '.meta { font-style: italic; margin: 0 0 2pt; color: #444; }',
    '.contact { margin: 0 0 8pt; }',
    'ul { margin: 2pt 0 4pt; padding-left: 16pt; }',
    'li, p { break-inside: avoid; }',
  ].join('\n');
}
