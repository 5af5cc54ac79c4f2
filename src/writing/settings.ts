import type { GenerationInput, SectionKind, Tone } from '../../contracts/generations/content';

/** The options a writer applies: the request's options with the user's feedback laid over them. */
export interface Settings {
  maxLength: number;
  coverLetterMaxLength: number;
  tone: Tone;
  focusAreas: string[];
  /** Entry ids or skills to put first / leave out, as the user wrote them. */
  emphasise: string[];
  drop: string[];
  /** Sections to put first, in this order (the header stays on top). */
  reorder: SectionKind[];
}

export function settingsOf(input: GenerationInput): Settings {
  const { options, feedback } = input;
  return {
    maxLength: feedback?.length ?? options.max_length,
    coverLetterMaxLength: options.cover_letter_max_length,
    tone: feedback?.tone ?? options.tone,
    focusAreas: options.focus_areas,
    emphasise: feedback?.emphasise ?? [],
    drop: feedback?.drop ?? [],
    reorder: feedback?.reorder ?? [],
  };
}
