import { z } from 'zod';
import { SkillCategory } from '../../../contracts/jobs/keyword-analysis';
import accounting from './taxonomy/accounting.json';
import business from './taxonomy/business.json';
import certifications from './taxonomy/certifications.json';
import clinical from './taxonomy/clinical.json';
import cloudDevops from './taxonomy/cloud-devops.json';
import data from './taxonomy/data.json';
import databases from './taxonomy/databases.json';
import design from './taxonomy/design.json';
import education from './taxonomy/education.json';
import engineeringDisciplines from './taxonomy/engineering-disciplines.json';
import engineering from './taxonomy/engineering.json';
import finance from './taxonomy/finance.json';
import frameworks from './taxonomy/frameworks.json';
import healthcare from './taxonomy/healthcare.json';
import hospitality from './taxonomy/hospitality.json';
import languages from './taxonomy/languages.json';
import legal from './taxonomy/legal.json';
import logistics from './taxonomy/logistics.json';
import manufacturing from './taxonomy/manufacturing.json';
import marketing from './taxonomy/marketing.json';
import notSkills from './taxonomy/not-skills.json';
import people from './taxonomy/people.json';
import product from './taxonomy/product.json';
import sales from './taxonomy/sales.json';
import security from './taxonomy/security.json';
import socialServices from './taxonomy/social-services.json';
import softSkills from './taxonomy/soft-skills.json';
import testing from './taxonomy/testing.json';
import trades from './taxonomy/trades.json';
import verbPhrases from './taxonomy/verb-phrases.json';
import { keyOf, tokenize } from './tokenizer';
import { inflect } from './verb-forms';

/**
 * The skills taxonomy, written by the JobWise team (not derived from ESCO or O*NET).
 *
 * Each entry has a canonical `name`, a `category` and `aliases` (other spellings). The name is an
 * alias too, unless `ambiguous` lists it (in any case): those spellings are also ordinary words or
 * letters (`Go`, `R`, `C`, `Swift`, `Spring`) and only count with the exact case and in a skill
 * context (see skill-context.ts).
 *
 * `not-skills.json` lists phrases that contain a skill's spelling but do not name the skill
 * ("senior leadership" is a group of people, not Leadership). They take part in longest
 * matching like aliases, and then yield nothing. It also lists skill spellings that are everyday
 * verbs ("react quickly") and given names ("Maria Jenkins"), see guards.ts.
 *
 * `verb-phrases.json` lists requirements written as verbs ("teach patients", "reconcile
 * accounts"), see verb-phrases.ts.
 */

const TaxonomyEntry = z.strictObject({
  name: z.string().min(1),
  category: SkillCategory,
  aliases: z.array(z.string().min(1)).default([]),
  ambiguous: z.array(z.string().min(1)).default([]),
});
const TaxonomyFile = z.strictObject({ skills: z.array(TaxonomyEntry).min(1) });
const NotSkillsFile = z.strictObject({
  phrases: z.array(z.string().min(1)),
  everydayVerbs: z.array(z.string().min(1)).default([]),
  givenNames: z.array(z.string().min(1)).default([]),
});
const VerbPhrasesFile = z.strictObject({
  phrases: z.array(z.strictObject({
    skill: z.string().min(1),
    verbs: z.array(z.string().min(1)).min(1),
    objects: z.array(z.string().min(1)).min(1),
  })),
});

export interface Skill {
  name: string;
  category: SkillCategory;
}

/** One spelling of a skill (or of a phrase that is not one, with `skill: null`). */
export interface Alias {
  skill: Skill | null;
  /** For ambiguous spellings: the exact text (case included) the tokens must have. */
  exact: string | null;
}

export interface Taxonomy {
  skills: Skill[];
  /** Keyed by the token keys joined with a space. */
  aliases: Map<string, Alias>;
  /** The longest alias, in tokens. */
  maxTokens: number;
  byName: Map<string, Skill>;
  /** Requirements written as verbs, indexed by the key of the verb's first word. */
  verbPhrases: VerbIndex;
  /** Keys of skill spellings that are also everyday verbs ("react", "braze"). */
  everydayVerbs: Set<string>;
  /** Keys of given names, so that "Maria Jenkins" is a person, not Jenkins. */
  givenNames: Set<string>;
}

export const BUNDLED_TAXONOMY_FILES: unknown[] = [
  languages, frameworks, databases, cloudDevops, data, engineering, testing, security,
  design, marketing, sales, finance, product, business, healthcare, softSkills, certifications,
  clinical, accounting, people, education, legal, socialServices, logistics, hospitality,
  engineeringDisciplines, manufacturing, trades,
];

/** Validates and indexes taxonomy files; throws on a malformed entry or an alias claimed twice. */
export function buildTaxonomy(files: unknown[], notSkillPhrases: unknown = { phrases: [] }, verbPhraseFile: unknown = { phrases: [] }): Taxonomy {
  const notSkillFile = NotSkillsFile.parse(notSkillPhrases);
  const taxonomy: Taxonomy = {
    skills: [], aliases: new Map(), maxTokens: 1, byName: new Map(), verbPhrases: new Map(),
    everydayVerbs: new Set(notSkillFile.everydayVerbs.map((w) => keyOf(tokenize(w)))),
    givenNames: new Set(notSkillFile.givenNames.map((w) => keyOf(tokenize(w)))),
  };
  for (const file of files) {
    for (const entry of TaxonomyFile.parse(file).skills) {
      const skill: Skill = { name: entry.name, category: entry.category };
      const nameKey = entry.name.toLowerCase();
      if (taxonomy.byName.has(nameKey)) throw new Error(`taxonomy: skill "${entry.name}" is defined twice`);
      taxonomy.byName.set(nameKey, skill);
      taxonomy.skills.push(skill);
      const ambiguousKeys = new Set(entry.ambiguous.map((a) => keyOf(tokenize(a))));
      const plain = ambiguousKeys.has(keyOf(tokenize(entry.name))) ? entry.aliases : [entry.name, ...entry.aliases];
      for (const spelling of plain.flatMap(variants)) addAlias(taxonomy, spelling, { skill, exact: null });
      for (const spelling of entry.ambiguous) addAlias(taxonomy, spelling, { skill, exact: spelling });
    }
  }
  for (const phrase of notSkillFile.phrases) addAlias(taxonomy, phrase, { skill: null, exact: null });
  taxonomy.verbPhrases = indexVerbPhrases(VerbPhrasesFile.parse(verbPhraseFile).phrases.map((p) => toVerbPhrase(taxonomy, p)));
  return taxonomy;
}

function toVerbPhrase(taxonomy: Taxonomy, entry: { skill: string; verbs: string[]; objects: string[] }): VerbPhrase {
  const skill = taxonomy.byName.get(entry.skill.toLowerCase());
  if (!skill) throw new Error(`taxonomy: verb phrase for unknown skill "${entry.skill}"`);
  const keys = (text: string) => tokenize(text).map((t) => t.key);
  return {
    skill,
    forms: entry.verbs.flatMap(inflect).map(({ text, gerund }) => ({ keys: keys(text), gerund })),
    objects: entry.objects.map(keys),
  };
}

/** `front-end` is also `frontend`; `React.js` is also `React JS` (and `ReactJS`, by its key). */
function variants(spelling: string): string[] {
  const all = new Set([spelling, spelling.replace(/(?<=\w)-(?=\w)/g, ''), spelling.replace(/\.js\b/gi, ' JS')]);
  return [...all];
}

function addAlias(taxonomy: Taxonomy, spelling: string, alias: Alias): void {
  const tokens = tokenize(spelling);
  const key = keyOf(tokens);
  if (!key) throw new Error(`taxonomy: "${spelling}" has no words`);
  const existing = taxonomy.aliases.get(key);
  if (existing && (existing.skill !== alias.skill || existing.exact !== alias.exact)) {
    const owners = [existing, alias].map((a) => a.skill?.name ?? 'not-skills').join('" and "');
    throw new Error(`taxonomy: "${spelling}" is claimed by "${owners}"`);
  }
  taxonomy.aliases.set(key, alias);
  taxonomy.maxTokens = Math.max(taxonomy.maxTokens, tokens.length);
}

/** Requirements written as verbs (verb-phrases.json); verb-phrases.ts finds them in text. */
export interface VerbForm {
  /** Token keys of the form, e.g. ["set", "up"]. */
  keys: string[];
  /** `-ing` forms are verbs wherever they stand; other forms only in a verb position. */
  gerund: boolean;
}

export interface VerbPhrase {
  skill: Skill;
  forms: VerbForm[];
  /** Token keys of each object, e.g. ["general", "ledger"]. */
  objects: string[][];
}

/** Index of verb phrases by the key of their verb's first token. */
export type VerbIndex = Map<string, Array<{ phrase: VerbPhrase; form: VerbForm }>>;

export function indexVerbPhrases(phrases: VerbPhrase[]): VerbIndex {
  const index: VerbIndex = new Map();
  for (const phrase of phrases) {
    for (const form of phrase.forms) {
      const list = index.get(form.keys[0]) ?? [];
      list.push({ phrase, form });
      index.set(form.keys[0], list);
    }
  }
  return index;
}

/** The taxonomy shipped with the project, built once when this module is first loaded. */
export const TAXONOMY: Taxonomy = buildTaxonomy(BUNDLED_TAXONOMY_FILES, notSkills, verbPhrases);

/** Case-insensitive lookup of a canonical name. */
export function skillNamed(name: string, taxonomy: Taxonomy = TAXONOMY): Skill | undefined {
  return taxonomy.byName.get(name.toLowerCase());
}
