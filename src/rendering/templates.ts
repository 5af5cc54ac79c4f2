import type { Template } from '../../contracts/generations/content';

/** The look of a template; layout and reading order are the same for all. Colours are hex without `#`. */
export interface TemplateStyle {
  accent: string;
  /** CSS font stack for HTML; PDF and DOCX use their own embedded or named fonts. */
  cssFonts: string;
  headingSize: number;
}

export const templateStyles: Record<Template, TemplateStyle> = {
  professional: { accent: '1F3A5F', cssFonts: "'Noto Sans', Calibri, Arial, sans-serif", headingSize: 13 },
  technical: { accent: '2D2D2D', cssFonts: "'Noto Sans', 'Segoe UI', Helvetica, sans-serif", headingSize: 12 },
  creative: { accent: '8A2D5C', cssFonts: "'Noto Sans', Georgia, serif", headingSize: 14 },
};

/** Page sizes in PDF points (1/72 in) and the 0.75 in margin on every side. */
export const pageSizes = { letter: { width: 612, height: 792 }, a4: { width: 595.28, height: 841.89 } } as const;
export const MARGIN_POINTS = 54;
