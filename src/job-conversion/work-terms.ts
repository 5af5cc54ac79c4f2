import type { EmploymentType, ExperienceLevel, RemotePolicy } from '../../contracts/jobs/job';

/**
 * Recognisers for the enum-valued fields. The `...In` functions read a short value, e.g. a
 * label's value or a title; the `...InProse` functions only trust unambiguous phrasing.
 */

const NOT_REMOTE = /\b(no|not|non)[- ]remote\b|\bremote\b[^.]*\bnot (possible|available|an option|offered)\b/;
const HYBRID = /\bhybrid\b/;
const REMOTE = /\b(remote|work from home|wfh|work from anywhere|distributed|telecommute|home[- ]based|anywhere)\b/;
const ONSITE = /\b(on[- ]?site|in[- ]office|in[- ]person|office[- ]based|on[- ]premises?|onsite|on location)\b/;

export function remotePolicyIn(value: string): RemotePolicy | null {
  const text = value.toLowerCase();
  if (NOT_REMOTE.test(text)) return 'onsite';
  if (HYBRID.test(text)) return 'hybrid';
  if (REMOTE.test(text)) return 'remote';
  if (ONSITE.test(text)) return 'onsite';
  if (/^(yes|true|fully|full)$/.test(text.trim())) return 'remote';
  if (/^(no|false|none)$/.test(text.trim())) return 'onsite';
  return null;
}

const HYBRID_CONTEXT = /\b(work|working|office|role|position|days?|remote|schedule|model|setup|set-up|arrangement|week)\b/;
const HYBRID_NOT_WORK = /\bhybrid (cloud|apps?|mobile|infrastructure|environments?|architecture|vehicles?|cars?|events?|solutions?|integration)\b/;
const REMOTE_PROSE =
  /\b(fully|100%|completely|entirely) remote\b|\bremote[- ](first|friendly|only)\b|\bwork(ing)? (remotely|from home|from anywhere)\b|\b(this|the) (role|position|job) is (fully )?remote\b|\bremote (role|position|job|opportunity)\b/;
const ONSITE_PROSE =
  /\b(this|the) (role|position|job) is (fully |100% )?(on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b|\b(on[- ]?site|in[- ]office|in[- ]person) (role|position|job)\b|\b(5|five) days (a|per) week in (the|our) office\b|\bno remote\b|\bremote work is not\b/;

export function remotePolicyInProse(sentence: string): RemotePolicy | null {
  const text = sentence.toLowerCase();
  if (ONSITE_PROSE.test(text) || NOT_REMOTE.test(text)) return 'onsite';
  if (HYBRID.test(text) && HYBRID_CONTEXT.test(text) && !HYBRID_NOT_WORK.test(text)) return 'hybrid';
  if (REMOTE_PROSE.test(text)) return 'remote';
  return null;
}

export function employmentTypeIn(value: string): EmploymentType | null {
  const text = value.toLowerCase();
  if (/\bintern(ship)?s?\b|\bco-?op\b/.test(text)) return 'internship';
  if (/\bpart[- ]?time\b/.test(text)) return 'part_time';
  if (/\b(temporary|temp|seasonal|maternity (leave )?cover|interim|fixed[- ]term(?! contract))\b/.test(text)) return 'temporary';
  if (/\b(contractor|freelance|freelancer|b2b|contract[- ]to[- ]hire|self[- ]employed)\b/.test(text)) return 'contract';
  if (/\bcontract\b/.test(text) && !/\b(permanent|employment) contract\b/.test(text)) return 'contract';
  if (/\b(full[- ]?time|permanent|regular|salaried|fte)\b/.test(text)) return 'full_time';
  return null;
}

export function employmentTypeInProse(sentence: string): EmploymentType | null {
  const text = sentence.toLowerCase();
  if (/\binternship\b/.test(text)) return 'internship';
  if (/\bpart[- ]time (role|position|job|basis|hours)\b|\bthis (is a )?part[- ]time\b/.test(text)) return 'part_time';
  if (/\b(temporary|seasonal|fixed[- ]term) (role|position|job|assignment|cover)\b/.test(text)) return 'temporary';
  if (/\b(contract|freelance|contractor) (role|position|engagement|basis|opportunity)\b|\b\d+[- ]month contract\b|\bcontract[- ]to[- ]hire\b/.test(text)) return 'contract';
  if (/\bfull[- ]time\b|\bpermanent (role|position|job|contract)\b/.test(text)) return 'full_time';
  return null;
}

const LEVELS: [ExperienceLevel, RegExp][] = [
  ['internship', /\b(intern|internship|interns)\b/],
  ['executive', /\b(chief|ceo|cto|cfo|coo|cmo|cio|ciso|cpo|cro|vp|svp|evp|vice president|president|head of|director|managing director|general manager|c-level)\b|^executive( level)?$/],
  ['lead', /\b(lead|principal|team lead|tech lead|engineering manager|staff( \w+)? (engineer|scientist|designer|architect|developer)s?|head (chef|nurse)|executive chef)\b/],
  ['mid', /\b(mid[- ]?level|mid[- ]senior( level)?|intermediate)\b|^mid$/],
  ['senior', /\b(senior|sr)\b/],
  ['entry', /\b(junior|jr|entry[- ]level|entry|graduate|new grad|associate|trainee|apprentice|apprenticeship)\b/],
];

export function experienceLevelIn(value: string): ExperienceLevel | null {
  const text = value.toLowerCase();
  for (const [level, pattern] of LEVELS) if (pattern.test(text)) return level;
  return null;
}

/** "5+ years of experience" → senior: a weak hint used only when nothing better is stated. */
export function experienceLevelFromYears(sentence: string): ExperienceLevel | null {
  const match = sentence.toLowerCase().match(/\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:\+\s*)?years?\b/);
  if (!match || !/experience|years? (of|in|as|working|building|leading)/.test(sentence.toLowerCase())) return null;
  const years = Number(match[1]);
  if (years <= 1) return 'entry';
  if (years <= 4) return 'mid';
  if (years <= 7) return 'senior';
  return 'lead';
}
