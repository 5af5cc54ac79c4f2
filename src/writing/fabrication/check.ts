import type { CoverLetterContent, GenerationInput, ResumeContent } from '../../../contracts/generations/content';
import type { Violation } from '../../../contracts/generations/fabrication';
import { educationClaimFindings, employerFindings, skillFindings, targetCompanyFindings, titleFindings } from './claims';
import { blank, CheckContext, Finding } from './context';
import { isResume, LineRef, linesOf } from './lines';
import { quantityFindings } from './numbers';
import { profileFacts } from './profile-facts';
import { maskContacts } from './quantities';
import { describeSource, sourceResolves } from './sources';
import { structureFindings } from './structure';

/** Whom a letter may address without claiming anything ("Hiring Team" is no Recruiting skill). */
const SALUTATIONS = ['Hiring Manager', 'Hiring Team', 'Hiring Committee'];

/**
 * The fabrication checker: every fact in the content's text must be stated by the profile. It
 * reads the text itself and trusts no `sources` (an LLM may have written both); a source that
 * names nothing in the profile is a finding of its own. Only a cover letter's opening may name
 * the target job's title and company.
 */
export function checkFabrication(content: ResumeContent | CoverLetterContent, input: GenerationInput): Violation[] {
  const ctx: CheckContext = { input, facts: profileFacts(input.profile) };
  const inResume = isResume(content);
  const seen = new Set<string>();
  return linesOf(content).flatMap((ref) =>
    lineFindings(ref, ctx, inResume)
      .map((f): Violation => ({ kind: f.kind, text: f.text, line: ref.line.text, path: ref.path }))
      .filter((v) => {
        const key = `${v.path}\u0000${v.kind}\u0000${v.text}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  );
}

function lineFindings(ref: LineRef, ctx: CheckContext, inResume: boolean): Finding[] {
  const { profile, job } = ctx.input;
  const sources: Finding[] = ref.line.sources
    .filter((s) => !sourceResolves(s, profile, !inResume))
    .map((s) => ({ kind: 'unknown_source', text: describeSource(s) }));
  const mayNameJob = !inResume && ref.role === 'opening';
  const text = blank(maskContacts(ref.line.text), [profile.personal_info.phone ?? '', ...SALUTATIONS, ...(mayNameJob ? [job.title, job.company] : [])]);
  return [
    ...sources,
    ...structureFindings(ref, ctx),
    ...targetCompanyFindings(text, ctx, inResume),
    ...employerFindings(text, ctx),
    ...titleFindings(text, ctx),
    ...educationClaimFindings(text, ctx),
    ...skillFindings(text, ctx),
    ...quantityFindings(text, ctx),
  ];
}
