import { StageOutput } from '../../../contracts/generations/events';
import { Generation } from '../generation-decider';
import { StageFailure } from './deps';

const FORMATS: NonNullable<StageOutput['formats']> = ['pdf', 'docx', 'html', 'md', 'txt'];

/** export_preparation: the formats the documents can be exported to, once there is something to export. */
export function prepareExport(generation: Generation): StageOutput {
  const { resume, cover_letter } = generation.output;
  // A resume that is only its header (name and contact details) says nothing about the person.
  const hasResume = !!resume && resume.sections.some((section) => section.kind !== 'header' && section.items.length > 0);
  const hasLetter = !!cover_letter && cover_letter.paragraphs.length > 0;
  if (!hasResume && !hasLetter) throw new StageFailure('Nothing was written that could be exported', false);
  return { formats: [...FORMATS] };
}
