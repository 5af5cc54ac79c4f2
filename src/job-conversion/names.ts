import { wordCount } from './lines';

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
