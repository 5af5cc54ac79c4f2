import { certificationWords, profileSays } from './profile-facts';
import { blank, CheckContext, Finding, mentions, targetIsPastEmployer } from './context';
import type { LineRef } from './lines';

/**
 * Checks of a resume's structured lines, whose shape says what they claim: an experience title
 * names a role and an employer, an education title a degree and an institution, a line under
 * certifications a certification.
 */
export function structureFindings(ref: LineRef, ctx: CheckContext): Finding[] {
  if (ref.section === 'experience' && ref.part === 'title') return roleFindings(ref.line.text, ctx);
  if (ref.section === 'education' && ref.part === 'title') return educationFindings(ref.line.text, ctx);
  if (ref.section === 'certifications') return certificationFindings(ref.line.text, ctx);
  return [];
}

const residue = (text: string, known: string[]) => blank(text, known).replace(/^[\s,·—–-]+|[\s,·—–-]+$/g, '').replace(/\s+[,·—–-]\s+/g, ' ').trim() || text;

function roleFindings(text: string, ctx: CheckContext): Finding[] {
  const { experiences } = ctx.input.profile;
  const company = ctx.input.job.company;
  if (mentions(text, company) && !targetIsPastEmployer(ctx)) return [{ kind: 'target_company_as_employer', text: company }];
  const atEmployer = experiences.filter((e) => mentions(text, e.company));
  if (atEmployer.length === 0) return [{ kind: 'employer', text: residue(text, experiences.map((e) => e.title)) }];
  if (!atEmployer.some((e) => mentions(text, e.title))) return [{ kind: 'title', text: residue(text, atEmployer.map((e) => e.company)) }];
  return [];
}

function educationFindings(text: string, ctx: CheckContext): Finding[] {
  const { education } = ctx.input.profile;
  const atInstitution = education.filter((e) => mentions(text, e.institution));
  if (atInstitution.length === 0) {
    return [{ kind: 'institution', text: residue(text, education.flatMap((e) => [e.degree, e.field_of_study ?? ''])) }];
  }
  if (!atInstitution.some((e) => mentions(text, e.degree))) {
    return [{ kind: 'degree', text: residue(text, atInstitution.flatMap((e) => [e.institution, e.field_of_study ?? ''])) }];
  }
  return [];
}

function certificationFindings(text: string, ctx: CheckContext): Finding[] {
  const named = ctx.input.profile.skills.certifications.some((c) => {
    const words = certificationWords(c.name);
    const lineWords = new Set(certificationWords(text));
    return mentions(text, c.name) || (words.length > 0 && words.every((w) => lineWords.has(w)));
  });
  if (named || profileSays(ctx.facts, text)) return [];
  return [{ kind: 'certification', text: text.split(/\s+[—(]/)[0].trim() }];
}
