import PDFDocument from 'pdfkit';
import type { DocumentMetadata, PageSize } from '../../../contracts/documents/rendering';
import type { Block } from '../layout';
import { MARGIN_POINTS, pageSizes, type TemplateStyle } from '../templates';
import { fontBytes, type FontFace } from './fonts';
import { scriptRuns } from './runs';
import { wrapToWidth } from './wrap';

interface TextStyle { size: number; bold: boolean; color: string; indent: number; before: number; bullet: boolean }

const BODY = 10.5;
const LEADING = 1.35;
const BULLET_INDENT = 14;

function textStyle(block: Block, style: TemplateStyle): TextStyle {
  const base = { size: BODY, bold: false, color: '111111', indent: 0, before: 0, bullet: false };
  switch (block.kind) {
    case 'name':
      return { ...base, size: 20, bold: true, color: style.accent };
    case 'contact':
      return { ...base, before: 2 };
    case 'heading':
      return { ...base, size: style.headingSize, bold: true, color: style.accent, before: 12 };
    case 'entry':
      return { ...base, size: 11, bold: true, before: 6 };
    case 'meta':
      return { ...base, size: 9.5, color: '555555' };
    case 'bullet':
      return { ...base, indent: BULLET_INDENT, bullet: true, before: 1 };
    case 'paragraph':
      return { ...base, before: 6 };
    default: {
      const never: never = block;
      return never;
    }
  }
}

/**
 * PDF with pdfkit: real text in reading order, embedded Noto fonts chosen per run of script,
 * 0.75 in margins. Lines are laid out here, not by pdfkit's flow, so each line is checked
 * against the room left on the page before it is written; a heading or an entry title moves
 * to the next page together with its first line.
 */
export function renderPdf(blocks: Block[], metadata: DocumentMetadata, pageSize: PageSize, style: TemplateStyle): Promise<Buffer> {
  const { width, height } = pageSizes[pageSize];
  const doc = new PDFDocument({
    size: [width, height],
    margins: { top: MARGIN_POINTS, bottom: MARGIN_POINTS, left: MARGIN_POINTS, right: MARGIN_POINTS },
    info: { Title: metadata.title, Author: metadata.author, Creator: 'JobWise' },
    lang: metadata.language,
    displayTitle: true,
  });
  const done = collect(doc);
  const faces: FontFace[] = ['latin', 'latinBold', 'cjk', 'cjkBold'];
  for (const face of faces) doc.registerFont(face, fontBytes(face));

  const contentWidth = width - 2 * MARGIN_POINTS;
  const bottom = height - MARGIN_POINTS;
  let y = MARGIN_POINTS;
  const ensureRoom = (needed: number) => {
    if (y + needed > bottom) {
      doc.addPage();
      y = MARGIN_POINTS;
    }
  };

  blocks.forEach((block, index) => {
    const s = textStyle(block, style);
    const lineHeight = s.size * LEADING;
    const lines = wrapToWidth(block.text, contentWidth - s.indent, (t) => measure(doc, t, s));
    if (y > MARGIN_POINTS) y += s.before;
    const keepsNext = block.kind === 'heading' || block.kind === 'entry';
    const next = blocks[index + 1];
    ensureRoom(lineHeight + (keepsNext && next ? textStyle(next, style).size * LEADING : 0));
    lines.forEach((line, i) => {
      ensureRoom(lineHeight);
      if (s.bullet && i === 0) draw(doc, '•', MARGIN_POINTS + 3, y, s);
      draw(doc, line, MARGIN_POINTS + s.indent, y, s);
      y += lineHeight;
    });
    if (block.kind === 'heading') {
      doc.moveTo(MARGIN_POINTS, y).lineTo(width - MARGIN_POINTS, y).lineWidth(0.6).strokeColor(`#${style.accent}`).stroke();
      y += 3;
    }
  });
  doc.end();
  return done;
}

function faceFor(script: 'latin' | 'cjk', bold: boolean): FontFace {
  if (script === 'cjk') return bold ? 'cjkBold' : 'cjk';
  return bold ? 'latinBold' : 'latin';
}

function measure(doc: PDFKit.PDFDocument, text: string, s: TextStyle): number {
  return scriptRuns(text).reduce((w, run) => w + doc.font(faceFor(run.script, s.bold)).fontSize(s.size).widthOfString(run.text), 0);
}

function draw(doc: PDFKit.PDFDocument, text: string, x: number, y: number, s: TextStyle): void {
  let cursor = x;
  doc.fillColor(`#${s.color}`);
  for (const run of scriptRuns(text)) {
    doc.font(faceFor(run.script, s.bold)).fontSize(s.size);
    // Spaces at a run's edges are left as a gap rather than drawn: extractors drop an edge
    // space glyph but turn a gap between two runs into a space.
    const [, lead, body] = /^( *)(.*?) *$/.exec(run.text) ?? ['', '', run.text];
    cursor += doc.widthOfString(lead);
    // One alphabetic baseline for every run: the fonts' ascenders differ, so pdfkit's default
    // (top of the line box) would set CJK glyphs higher and split the line for extractors.
    if (body !== '') doc.text(body, cursor, y + s.size, { lineBreak: false, baseline: 'alphabetic' });
    cursor += doc.widthOfString(run.text) - doc.widthOfString(lead);
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
