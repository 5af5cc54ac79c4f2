import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { DocumentMetadata, PageSize } from '../../contracts/documents/rendering';
import type { Block } from './layout';
import type { TemplateStyle } from './templates';

/** Twentieths of a point: Word's page unit. 0.75 in = 1080. */
const pageTwips = { letter: { width: 12240, height: 15840 }, a4: { width: 11906, height: 16838 } } as const;
const MARGIN_TWIPS = 1080;
const BULLETS = 'bullets';

/**
 * DOCX with Word's own Heading 1/2/3 styles and a real bullet list (numbering definition), one
 * paragraph per block: no tables or text boxes, so ATS parsers read it top to bottom.
 */
export async function renderDocx(blocks: Block[], metadata: DocumentMetadata, pageSize: PageSize, style: TemplateStyle): Promise<Buffer> {
  const doc = new Document({
    title: metadata.title,
    creator: metadata.author,
    lastModifiedBy: metadata.author,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, language: { value: metadata.language } } },
        heading1: { run: { font: 'Calibri', size: 40, bold: true, color: style.accent }, paragraph: { spacing: { after: 60 } } },
        heading2: { run: { font: 'Calibri', size: style.headingSize * 2, bold: true, color: style.accent }, paragraph: { spacing: { before: 240, after: 80 } } },
        heading3: { run: { font: 'Calibri', size: 22, bold: true, color: '111111' }, paragraph: { spacing: { before: 120 } } },
      },
    },
    numbering: {
      config: [{
        reference: BULLETS,
        levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 240 } } } }],
      }],
    },
    sections: [{
      properties: { page: { size: pageTwips[pageSize], margin: { top: MARGIN_TWIPS, right: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS } } },
      children: blocks.map(docxParagraph),
    }],
  });
  return Packer.toBuffer(doc);
}

function docxParagraph(block: Block): Paragraph {
  switch (block.kind) {
    case 'name':
      return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 });
    case 'heading':
      return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
    case 'entry':
      return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_3 });
    case 'meta':
      return new Paragraph({ children: [new TextRun({ text: block.text, italics: true })] });
    case 'bullet':
      return new Paragraph({ text: block.text, numbering: { reference: BULLETS, level: 0 } });
    case 'contact':
    case 'paragraph':
      return new Paragraph({ text: block.text, spacing: { after: 120 } });
    default: {
      const never: never = block;
      return never;
    }
  }
}
