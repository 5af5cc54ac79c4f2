import { classifyHeading, classifyIntro, type SectionKind } from './headings';
import { type Line, wordCount } from './lines';

/** A run of lines under one heading; the lines before the first heading form the `header`. */
export interface Section {
  kind: SectionKind | 'header';
  heading: string | null;
  companyName: string | null;
  lines: Line[];
}

const INLINE_HEADING = /^([^:：]{2,60})[:：]\s*(\S.*)$/;

/** Splits the (not yet consumed) lines of a posting into sections by their headings. */
export function splitSections(lines: Line[]): Section[] {
  const sections: Section[] = [{ kind: 'header', heading: null, companyName: null, lines: [] }];
  const current = () => sections[sections.length - 1];
  const open = (kind: SectionKind, heading: string, companyName: string | null = null) =>
    sections.push({ kind, heading, companyName, lines: [] });

  lines.forEach((line, position) => {
    if (line.bullet) return current().lines.push(line);
    const whole = classifyHeading(line.text);
    if (whole) return open(whole.kind, line.text, whole.companyName);
    const inline = line.text.match(INLINE_HEADING);
    const inlineHeading = inline ? classifyHeading(inline[1]) : null;
    if (inline && inlineHeading) {
      open(inlineHeading.kind, inline[1], inlineHeading.companyName);
      return current().lines.push({ ...line, text: inline[2], inline: true });
    }
    if (/[:：]$/.test(line.text) && line.text.length <= 120) {
      const intro = classifyIntro(line.text);
      if (intro && intro !== current().kind) return open(intro, line.text);
      return current().lines.push(line);
    }
    if (position > 0 && looksLikeOtherHeading(line)) return open('other', line.text);
    current().lines.push(line);
  });
  return sections;
}

/** An unknown heading needs clear typography; a lone "SQL" in an unbulleted list is not one. */
function looksLikeOtherHeading(line: Line): boolean {
  if (!line.emphasis || wordCount(line.text) > 6 || /[.!?]$/.test(line.text)) return false;
  return line.emphasis === 'markup' || (line.afterBlank && wordCount(line.text) >= 2);
}
