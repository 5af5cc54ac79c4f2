import { skillsIn } from '../skills';
import { CheckContext, Finding, mentions, NAME_WORD, targetIsPastEmployer } from './context';
import { certificationWords, profileSays } from './profile-facts';

/**
 * Checks of free text, wherever it stands: names after "at"/"for"/"joined" (employers), job
 * titles, degrees, institutions, certifications and skills must all be stated by the profile.
 */

const NAME_RUN = `${NAME_WORD}(?:\\s+(?:of|and|&|for|de|la)?\\s*${NAME_WORD})*`;
const EMPLOYER_CUE = new RegExp(`\\b(?:[Aa]t|[Ff]or|[Jj]oined|[Ff]rom)\\s+(${NAME_RUN})`, 'gu');
const ROLE_NOUN = '(?:Engineer|Developer|Manager|Director|Architect|Analyst|Designer|Scientist|Consultant|Specialist|Officer|Administrator|Coordinator|Lead|Intern|Nurse|Accountant|Technician|Executive|President|Head|VP|CTO|CEO|CFO|COO|Programmer|Recruiter|Strategist)';
const TITLE = new RegExp(`((?:${NAME_WORD}\\s+){0,4}${ROLE_NOUN})(?![\\p{L}\\p{N}])`, 'gu');
const INSTITUTION = new RegExp(`(${NAME_RUN})`, 'gu');
const INSTITUTION_NOUN = /\b(?:University|College|Institute|School|Academy|Polytechnic|Universität|Hochschule)\b/u;
const LEADING_FILLER = /^(?:(?:As|A|An|The|I|My|Our|Your|At|For|With|Dear|In|Former|Current|Next|Then|Now|While|When|Previously|Currently|And)\s+)+/u;
const DEGREE_LEVELS: Array<[RegExp, string]> = [
  [/\b(?:Ph\.?\s?D\.?|Doctorate|Doctor of|DPhil)/iu, 'doctorate'],
  [/\bMBA\b|Master of Business Administration/u, 'mba'],
  [/\b(?:M\.\s?Sc\.?|MSc|M\.\s?Eng\.?|MEng|M\.S\.|M\.A\.|Master(?:'s|s)?\s+(?:degree|of|in)\b|Master's)/u, 'master'],
  [/\b(?:B\.\s?Sc\.?|BSc|B\.\s?Eng\.?|BEng|B\.S\.|B\.A\.|Bachelor(?:'s|s)?\b)/u, 'bachelor'],
  [/\bAssociate(?:'s)? degree/iu, 'associate'],
];

export function degreeLevels(text: string): Array<{ level: string; raw: string }> {
  return DEGREE_LEVELS.flatMap(([pattern, level]) => {
    const found = text.match(pattern);
    return found ? [{ level, raw: found[0].trim() }] : [];
  });
}

/** Parts of a name run that are names of their own ("TypeScript and Redis" is two). */
const partsOf = (run: string) => run.split(/\s+(?:and|&)\s+/u).map((p) => p.trim()).filter(Boolean);

const isSkill = (text: string) => skillsIn(text).some((s) => s.spelling.toLowerCase() === text.toLowerCase());

export function employerFindings(text: string, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(EMPLOYER_CUE)) {
    for (const part of partsOf(match[1])) {
      if (mentions(part, ctx.input.job.company) && !targetIsPastEmployer(ctx)) findings.push({ kind: 'target_company_as_employer', text: ctx.input.job.company });
      else if (!isSkill(part) && !profileSays(ctx.facts, part) && !INSTITUTION_NOUN.test(part)) findings.push({ kind: 'employer', text: part });
    }
  }
  return findings;
}

export function titleFindings(text: string, ctx: CheckContext): Finding[] {
  return [...text.matchAll(TITLE)]
    .map((m) => m[1].replace(LEADING_FILLER, '').trim())
    .filter((title) => /\s/.test(title) || /^(?:VP|CTO|CEO|CFO|COO|President|Director|Head)$/.test(title))
    .filter((title) => !profileSays(ctx.facts, title) && !isSkill(title))
    .map((title) => ({ kind: 'title', text: title }));
}

export function educationClaimFindings(text: string, ctx: CheckContext): Finding[] {
  const profileLevels = new Set(ctx.input.profile.education.flatMap((e) => degreeLevels(`${e.degree} ${e.field_of_study ?? ''}`).map((d) => d.level)));
  const degrees: Finding[] = degreeLevels(text)
    .filter((d) => !profileLevels.has(d.level) && !profileSays(ctx.facts, d.raw))
    .map((d) => ({ kind: 'degree', text: d.raw }));
  const institutions: Finding[] = [...text.matchAll(INSTITUTION)]
    .map((m) => m[1].replace(LEADING_FILLER, '').trim())
    .filter((run) => INSTITUTION_NOUN.test(run) && !profileSays(ctx.facts, run))
    .map((run) => ({ kind: 'institution', text: run }));
  return [...degrees, ...institutions];
}

/** Skills the profile never names, and certifications it does not hold. */
export function skillFindings(text: string, ctx: CheckContext): Finding[] {
  const held = ctx.input.profile.skills.certifications.map((c) => certificationWords(c.name));
  return skillsIn(text).flatMap((s): Finding[] => {
    if (s.category === 'certification') {
      const words = certificationWords(s.spelling);
      const holds = held.some((h) => words.every((w) => h.includes(w))) || profileSays(ctx.facts, s.spelling);
      return holds ? [] : [{ kind: 'certification', text: s.spelling }];
    }
    return ctx.facts.skills.has(s.skill) ? [] : [{ kind: 'skill', text: s.spelling }];
  });
}

/** The target company named in a resume, or outside a cover letter's opening, when it never employed the person. */
export function targetCompanyFindings(text: string, ctx: CheckContext, inResume: boolean): Finding[] {
  if (!inResume || targetIsPastEmployer(ctx) || !mentions(text, ctx.input.job.company)) return [];
  return [{ kind: 'target_company_as_employer', text: ctx.input.job.company }];
}
