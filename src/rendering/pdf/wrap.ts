import { isCjk } from './runs';

/** Measures a string as it will be drawn (fonts chosen per run). */
export type Measure = (text: string) => number;

interface Token { text: string; spaceBefore: boolean }

/**
 * Breaks text into lines no wider than `width` points: between words, and between CJK
 * characters (which have no spaces). A token is split by characters only when it alone is too wide.
 */
export function wrapToWidth(text: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let current = '';
  for (const token of tokens(text)) {
    fitPieces(token.text, width, measure).forEach((piece, i) => {
      const candidate = current === '' ? piece : current + (token.spaceBefore && i === 0 ? ' ' : '') + piece;
      if (current === '' || measure(candidate) <= width) current = candidate;
      else {
        lines.push(current);
        current = piece;
      }
    });
  }
  if (current !== '') lines.push(current);
  return lines;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let spaceBefore = false;
  let word = '';
  const flush = () => {
    if (word === '') return;
    out.push({ text: word, spaceBefore });
    word = '';
    spaceBefore = false;
  };
  for (const char of text) {
    if (char === ' ') {
      flush();
      spaceBefore = true;
    } else if (isCjk(char)) {
      flush();
      out.push({ text: char, spaceBefore });
      spaceBefore = false;
    } else word += char;
  }
  flush();
  return out;
}

function fitPieces(token: string, width: number, measure: Measure): string[] {
  if (measure(token) <= width) return [token];
  const pieces: string[] = [];
  let piece = '';
  for (const char of token) {
    if (piece !== '' && measure(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}
