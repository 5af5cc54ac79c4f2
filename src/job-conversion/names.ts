import { extractSkills } from '../keywords';
import { wordCount } from './lines';
import { looksLikePlace } from './places';
import { employmentTypeIn, experienceLevelIn, remotePolicyIn } from './work-terms';

const ROLE_NOUNS = new RegExp(
  '\\b(' +
    [
      'engineer', 'developer', 'programmer', 'architect', 'scientist', 'analyst', 'designer', 'manager', 'director',
      'lead', 'head', 'officer', 'specialist', 'coordinator', 'consultant', 'administrator', 'admin', 'assistant',
      'associate', 'representative', 'rep', 'executive', 'intern', 'internship', 'trainee', 'apprentice', 'technician',
      'nurse', 'physician', 'doctor', 'therapist', 'physiotherapist', 'pharmacist', 'teacher', 'tutor', 'lecturer',
      'professor', 'instructor', 'researcher', 'accountant', 'auditor', 'controller', 'bookkeeper', 'clerk', 'cashier',
      'receptionist', 'driver', 'operator', 'mechanic', 'electrician', 'plumber', 'welder', 'chef', 'cook', 'barista',
      'bartender', 'server', 'waiter', 'waitress', 'housekeeper', 'agent', 'advisor', 'adviser', 'counsel', 'lawyer',
      'attorney', 'paralegal', 'solicitor', 'recruiter', 'generalist', 'partner', 'strategist', 'writer', 'editor',
      'copywriter', 'marketer', 'producer', 'planner', 'buyer', 'merchandiser', 'supervisor', 'foreman',
      'superintendent', 'inspector', 'surveyor', 'estimator', 'scheduler', 'dispatcher', 'picker', 'packer', 'worker',
      'labourer', 'laborer', 'handler', 'caregiver', 'carer', 'aide', 'secretary', 'owner', 'master', 'president',
      'vp', 'ceo', 'cto', 'cfo', 'coo', 'cmo', 'cio', 'ciso', 'cpo', 'chief', 'principal', 'fellow', 'steward', 'pilot',
      'attendant', 'guard', 'sre', 'devops', 'qa', 'tester', 'artist', 'animator', 'illustrator', 'photographer',
      'videographer', 'journalist', 'reporter', 'translator', 'interpreter', 'librarian', 'counselor', 'counsellor',
      'psychologist', 'dentist', 'hygienist', 'midwife', 'paramedic', 'veterinarian', 'optometrist', 'dietitian',
      'nutritionist', 'trainer', 'coach', 'evangelist', 'advocate', 'expert', 'practitioner', 'staff',
    ]
      .filter((noun, i, all) => all.indexOf(noun) === i)
      .join('s?|') +
    's?)\\b',
  'i',
);

/** A short, title-shaped line naming a role: "Senior Data Engineer", "Barista (Part-Time)". */
export function looksLikeJobTitle(text: string): boolean {
  const value = text.trim();
  return (
    value.length >= 2 &&
    value.length <= 120 &&
    wordCount(value) <= 12 &&
    !/[.?]$/.test(value) &&
    !/^(we|you|our|the|this|in|as|join)\b/i.test(value) &&
    ROLE_NOUNS.test(value)
  );
}

const NOT_A_NAME = /^(we|our|the team|our team|this team|this company|the company|you|it|he|she|they|everyone|who|what|join|confidential|undisclosed|n\/?a|tbd|tba|various|-+)$/i;

/** A plausible company name: short, capitalised, not a pronoun or a placeholder. */
export function looksLikeCompanyName(text: string): boolean {
  const value = text.trim();
  return value.length >= 2 && value.length <= 100 && wordCount(value) <= 6 && /^[\p{Lu}\d]/u.test(value) && !NOT_A_NAME.test(value);
}

const LEGAL_SUFFIX = /^(inc|llc|llp|ltd|gmbh|corp|co|plc|ag|sa|bv|nv|limited)\b\.?/i;

/**
 * Cuts trailing decoration off a name: "Acme (Remote)", "Acme - Berlin", "Acme | Full-time",
 * "Acme, Berlin" → "Acme"; a legal suffix stays: "Acme, Inc." → "Acme, Inc.".
 */
export function companyCore(text: string): string {
  const name = text.split(/\s+[|·•–—-]\s+|\s*\(/u)[0];
  const comma = name.search(/,\s+/);
  const rest = comma < 0 ? '' : name.slice(comma).replace(/^,\s+/, '');
  const kept = comma < 0 || LEGAL_SUFFIX.test(rest) ? name : name.slice(0, comma);
  return kept.replace(/[!:;,]+$/, '').trim();
}

/** Words that name a part of the job or of the employer, not the employer: "Sales Team", "Night Shift". */
const PART_OF_A_JOB = /\b(teams?|department|dept|division|unit|squad|shifts?|nights?|weekends?|evenings?|level|grade|band|tier|branch|campus|hq|headquarters|locations?)\b|#/i;
/** Whole values that name a function, a specialism, a site, a board's label or a stand-in for the employer. */
const NOT_AN_EMPLOYER = new RegExp(
  '^((the|our|your) )?(' +
    'engineering|marketing|sales|finance|operations|ops|product|design|hr|human resources|it|legal|nursing|support|' +
    'research|data|analytics|security|growth|web|mobile|platform|infrastructure|cloud|enterprise|mid-?market|smb|' +
    'back[- ]?end|front[- ]?end|full[- ]?stack|downtown|uptown|midtown|north|south|east|west|central|metro|region|' +
    'area|warehouse|store|site|office|plant|kitchen|careers?|jobs?|((job|new) )?(openings?|vacanc(y|ies))|' +
    '(now )?hiring|urgent|new|featured|apply( now)?|client|employer|company|organi[sz]ation|business|firm' +
    ')$',
  'i',
);
/** One word shaped like a field of work rather than a name: "Cardiology", "Payments", "Residential". */
const FIELD_OF_WORK = /^\p{Lu}\p{Ll}+(ology|ics|ial|ical|ments?|ing|ive|ions?|ity|ery|ary|acy|ance|ence|ency)$/u;
const POSSESSIVE = /^(our|your|my|their|his|her|its|this|these|that|a|an)\s/i;

/**
 * A name the text does not label as the company, only places or phrases like one:
 * "<Title> / <Name> — Boston", "About <Name>", "<Name> is hiring". Company-shaped, and none of
 * what usually stands there instead: a place, a work policy, a contract type, a level, a role, a
 * team, site or shift, a field of work, or a skill ("Backend Engineer / Python").
 */
export function looksLikeUnmarkedCompany(text: string): boolean {
  const value = text.trim();
  if (!looksLikeCompanyName(value) || POSSESSIVE.test(value) || PART_OF_A_JOB.test(value)) return false;
  if (NOT_AN_EMPLOYER.test(value) || FIELD_OF_WORK.test(value) || looksLikeJobTitle(value) || looksLikePlace(value)) return false;
  if (remotePolicyIn(value) || employmentTypeIn(value) || experienceLevelIn(value)) return false;
  return !extractSkills(value).some((skill) => skill.offsets.some(({ start, end }) => start === 0 && end === value.length));
}
