import type { CoverLetterContent, ResumeContent, ResumeItem, ResumeSection } from '../../contracts/generations/content';

/**
 * The reading order every format shares: a document flattened into blocks, top to bottom.
 * `name` is the person (the header item's title) and `contact` their contact lines on one line;
 * the header section's own heading is layout and not shown. An `entry` is an item's title
 * (role and employer, degree and school), `meta` its dates and place.
 */
export type Block =
  | { kind: 'name'; text: string }
  | { kind: 'contact'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'entry'; text: string }
  | { kind: 'meta'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'paragraph'; text: string };

export type BlockKind = Block['kind'];

/** Whitespace of any kind (newlines included) collapses to one space: a line is one line. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function resumeBlocks(content: ResumeContent): Block[] {
  return content.sections.flatMap((section) => (section.kind === 'header' ? headerBlocks(section) : sectionBlocks(section)));
}

export function coverLetterBlocks(content: CoverLetterContent): Block[] {
  return content.paragraphs.map((p) => ({ kind: 'paragraph', text: clean(p.lines.map((l) => l.text).join(' ')) }));
}

function headerBlocks(section: ResumeSection): Block[] {
  return section.items.flatMap((item): Block[] => {
    const contact = item.lines.map((l) => clean(l.text)).filter((t) => t !== '');
    return [
      ...(item.title ? [{ kind: 'name', text: clean(item.title.text) } as const] : []),
      ...(contact.length > 0 ? [{ kind: 'contact', text: contact.join(' · ') } as const] : []),
    ];
  });
}

/** A summary reads as prose; every other section's lines are a list. */
function sectionBlocks(section: ResumeSection): Block[] {
  const lineKind = section.kind === 'summary' ? 'paragraph' : 'bullet';
  return [{ kind: 'heading', text: clean(section.heading) }, ...section.items.flatMap((item) => itemBlocks(item, lineKind))];
}

function itemBlocks(item: ResumeItem, lineKind: 'paragraph' | 'bullet'): Block[] {
  const blocks: Block[] = [];
  if (item.title) blocks.push({ kind: 'entry', text: clean(item.title.text) });
  if (item.meta) blocks.push({ kind: 'meta', text: clean(item.meta.text) });
  for (const line of item.lines) blocks.push({ kind: lineKind, text: clean(line.text) });
  return blocks.filter((b) => b.text !== '');
}
