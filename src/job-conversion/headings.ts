import { headingCore, wordCount } from './lines';

/** What a section of a posting holds, judged from its heading. */
export type SectionKind =
  | 'about_company'
  | 'about_role'
  | 'responsibilities'
  | 'requirements'
  | 'nice_to_have'
  | 'benefits'
  | 'ignored'
  | 'other';

const EXACT: [SectionKind, RegExp][] = [
  ['nice_to_have', /^(nice[- ]to[- ]haves?|bonus( points)?( if you have)?|(preferred|desired|desirable|additional|bonus|optional) (qualifications|skills|experience|requirements)|pluses|it'?s a plus( if you have)?|good to have|extra credit|ways to stand out|what (would )?makes? you stand out|even better if( you have)?|you might also have)$/],
  ['requirements', /^(((minimum|basic|required|key|essential|job|role|must[- ]have) )?(requirements|qualifications|skills|experience|requirements (and|&) qualifications|qualifications (and|&) (skills|experience)|skills (and|&) (experience|qualifications))|what (you'?ll|you will|you) (need|bring|have)|what we'?re looking for|what we are looking for|who (you are|we'?re looking for)|about you|your (profile|background|skills|experience)|you (have|bring|are|should have)|must[- ]haves?|(the )?ideal candidate|candidate profile|what it takes|is this you|we'?d love to hear from you if|you'?ll (need|have))$/],
  ['responsibilities', /^(((key|main|core|primary|your|job|role) )?(responsibilities|duties|tasks|accountabilities)|what you'?ll (do|be doing|work on|own)|what you will (do|be doing|work on)|the work|your (mission|impact|day[- ]to[- ]day)|(a )?day[- ]to[- ]day|in this role,? you will|in this role|the role involves|what the (job|role) involves|(roles?|duties) (and|&) responsibilities|responsibilities (and|&) duties|how you'?ll (help|make an impact|contribute))$/],
  ['benefits', /^(((our|the|employee|key) )?(benefits|perks|perks (and|&) benefits|benefits (and|&) perks|compensation (and|&) benefits|rewards|total rewards)|what we offer|what we'?re offering|we offer|our offer|what'?s in it for you|why (join us|join|work (with|for|at) us|you'?ll love (working )?(here|with us))|what you'?ll get|what you get|(the )?package)$/],
  ['about_role', /^(about (the|this) (role|job|position|opportunity)|the (role|position|opportunity|job|challenge)|(role|position|job) (overview|summary|description)|job description|overview|summary|description|your role|what'?s the role)$/],
  ['about_company', /^(about us|who we are|about (the|our) (company|team|organi[sz]ation)|our (company|story|mission|team)|company (overview|description|profile)|the (company|team)|why us)$/],
  ['ignored', /^(how to apply|to apply|application process|(the )?(interview|hiring|recruitment) process|next steps|equal (employment )?opportunit(y|ies)( employer)?|eeo( statement)?|diversity,? (equity )?(and|&) inclusion|our commitment( to .*)?|disclaimer|accommodations?|privacy( notice)?)$/],
];

/** Loose matches for "intro" lines that end with a colon, e.g. "You will need:". */
const FUZZY: [SectionKind, RegExp][] = [
  ['nice_to_have', /nice to have|bonus|preferred|a plus|plus if|desirable|stand out|even better/],
  ['benefits', /\boffer|benefit|perk|in it for you|you('ll| will) (get|receive|enjoy)|we provide/],
  ['responsibilities', /you('ll| will) (do|be (doing|working|responsible)|work on|own|lead|build|help|design|manage)|responsib|\bduties|day[- ]to[- ]day|in this role|the role involves/],
  ['requirements', /\bneed|looking for|requir|qualif|skills|you (have|bring|are|should)|ideal candidate|\bmust\b/],
];

const NOT_A_COMPANY = /^(the |this |our |your )?(role|job|position|opportunity|team|company|you|us|me|them|it)$/;

export interface Heading {
  kind: SectionKind;
  /** For "About Acme": the company named in the heading. */
  companyName: string | null;
}

/** Classifies a heading by its wording; null when the words are not a known heading. */
export function classifyHeading(text: string): Heading | null {
  const core = headingCore(text);
  if (!core || core.length > 60 || wordCount(core) > 8) return null;
  for (const [kind, pattern] of EXACT) if (pattern.test(core)) return { kind, companyName: null };
  const about = text.trim().replace(/[:：.!]+$/, '').match(/^about\s+(.{2,60})$/i);
  if (about && !NOT_A_COMPANY.test(about[1].toLowerCase()) && wordCount(about[1]) <= 6) {
    return { kind: 'about_company', companyName: about[1].trim() };
  }
  return null;
}

/** For a line that ends with a colon and introduces a list. */
export function classifyIntro(text: string): SectionKind | null {
  const core = headingCore(text);
  for (const [kind, pattern] of FUZZY) if (pattern.test(core)) return kind;
  return null;
}
