/**
 * Plain text from the HTML job boards serve. Not a full HTML parser: enough for posting bodies
 * (paragraphs, line breaks, lists, entities), never throwing on odd markup.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', bull: '•', middot: '·' };

/** `&lt;p&gt;` → `<p>`: Greenhouse escapes its `content` once. Unknown entities are kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = /<\s*\/?\s*(p|div|br|li|ul|ol|h[1-6]|tr|section|article|header|footer|blockquote)\b[^>]*>/gi;

/** Text with one line per block (paragraph, list item, heading), blank-free, whitespace collapsed. */
export function htmlToText(html: string): string {
  const text = decodeEntities(
    html
      .replace(/<\s*(script|style)\b[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, ' ')
      .replace(/<\s*li\b[^>]*>/gi, '\n• ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]*>/g, ''),
  );
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '' && line !== '•')
    .join('\n');
}

/** The text of each `<li>` of `html`; when it has none, its non-empty lines. */
export function listItems(html: string): string[] {
  const items = [...html.matchAll(/<\s*li\b[^>]*>([\s\S]*?)(?=<\s*\/?\s*li\b|<\s*\/\s*[uo]l\s*>|$)/gi)].map((m) => htmlToText(m[1]).replace(/\n/g, ' '));
  const found = items.length > 0 ? items : htmlToText(html).split('\n').map((line) => line.replace(/^•\s*/, ''));
  return found.map((item) => item.trim()).filter(Boolean);
}
