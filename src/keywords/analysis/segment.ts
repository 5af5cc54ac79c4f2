/**
 * Where a piece of posting text sits, which decides whether the skills in it are required or
 * preferred and how much they weigh. `ignored` covers benefits, perks and "About us" text.
 */
export type Context = 'title' | 'required' | 'preferred' | 'responsibility' | 'description' | 'ignored';

export interface Segment {
  /** The whole sentence, so that skills keep their neighbours (see skill-context.ts). */
  text: string;
  context: Context;
  /** When only part of the sentence has this context: the mentions starting in [start, end). */
  span?: { start: number; end: number };
}

/** The part of a segment's text its context applies to. */
export function spanText(segment: Segment): string {
  return segment.span ? segment.text.slice(segment.span.start, segment.span.end) : segment.text;
}

export interface JobPosting {
  title: string;
  /** The hiring company; its name is never read as a skill ("Beacon HR", "Oracle Health"). */
  company?: string;
  description: string;
  requirements: string[];
  responsibilities?: string[];
  benefits?: string[];
}
