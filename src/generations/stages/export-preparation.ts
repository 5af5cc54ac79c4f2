import { StageOutput } from '../../../contracts/generations/events';
import { ParseBackReport } from '../../../contracts/generations/parse-back';
import { parseBack } from '../../rendering/parse-back';
import { scoreResume } from '../../scoring';
import { Generation } from '../generation-decider';
import { StageFailure } from './deps';

const FORMATS: NonNullable<StageOutput['formats']> = ['pdf', 'docx', 'html', 'md', 'txt'];

/**
 * export_preparation: once there is something to export, renders each document's PDF and DOCX,
 * reads their text back (parse-back) and scores the resume again with what came back, so that
 * format compliance (and the ATS score) measure the files rather than assume them.
 */
export async function prepareExport(generation: Generation): Promise<StageOutput> {
  const { analysis, resume, cover_letter } = generation.output;
  // A resume that is only its header (name and contact details) says nothing about the person.
  const hasResume = !!resume && resume.sections.some((section) => section.kind !== 'header' && section.items.length > 0);
  const hasLetter = !!cover_letter && cover_letter.paragraphs.length > 0;
  if (!hasResume && !hasLetter) throw new StageFailure('Nothing was written that could be exported', false);
  const [resumeOutcomes, letterOutcomes] = await Promise.all([
    resume ? parseBack({ kind: 'resume', content: resume }) : [],
    cover_letter ? parseBack({ kind: 'cover_letter', content: cover_letter }) : [],
  ]);
  const parse_back: ParseBackReport = {
    ok: [...resumeOutcomes, ...letterOutcomes].every((o) => o.ok),
    resume: resumeOutcomes,
    cover_letter: letterOutcomes,
  };
  return {
    formats: [...FORMATS],
    parse_back,
    ...(resume && analysis ? { resume_quality: scoreResume(resume, analysis, resumeOutcomes) } : {}),
  };
}
