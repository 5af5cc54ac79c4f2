import { z } from 'zod';
import { SkillCategory } from '../../../contracts/jobs/keyword-analysis';
import business from './taxonomy/business.json';
import certifications from './taxonomy/certifications.json';
import cloudDevops from './taxonomy/cloud-devops.json';
import data from './taxonomy/data.json';
import databases from './taxonomy/databases.json';
import design from './taxonomy/design.json';
import engineering from './taxonomy/engineering.json';
import finance from './taxonomy/finance.json';
import frameworks from './taxonomy/frameworks.json';
import healthcare from './taxonomy/healthcare.json';
import languages from './taxonomy/languages.json';
import marketing from './taxonomy/marketing.json';
import notSkills from './taxonomy/not-skills.json';
import product from './taxonomy/product.json';
import sales from './taxonomy/sales.json';
import security from './taxonomy/security.json';
import softSkills from './taxonomy/soft-skills.json';
import testing from './taxonomy/testing.json';
import { keyOf, tokenize } from './tokenizer';

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
 * matching like aliases, and then yield nothing.
 */

const TaxonomyEntry = z.strictObject({
  name: z.string().min(1),
  category: SkillCategory,
  aliases: z.array(z.string().min(1)).default([]),
  ambiguous: z.array(z.string().min(1)).default([]),
});
const TaxonomyFile = z.strictObject({ skills: z.array(TaxonomyEntry).min(1) });
const NotSkillsFile = z.strictObject({ phrases: z.array(z.string().min(1)) });

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
}

export const BUNDLED_TAXONOMY_FILES: unknown[] = [
  languages, frameworks, databases, cloudDevops, data, engineering, testing, security,
  design, marketing, sales, finance, product, business, healthcare, softSkills, certifications,
];

/** Validates and indexes taxonomy files; throws on a malformed entry or an alias claimed twice. */
export function buildTaxonomy(files: unknown[], notSkillPhrases: unknown = { phrases: [] }): Taxonomy {
  const taxonomy: Taxonomy = { skills: [], aliases: new Map(), maxTokens: 1, byName: new Map() };
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
  for (const phrase of NotSkillsFile.parse(notSkillPhrases).phrases) addAlias(taxonomy, phrase, { skill: null, exact: null });
  return taxonomy;
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

/** The taxonomy shipped with the project, built once when this module is first loaded. */
export const TAXONOMY: Taxonomy = buildTaxonomy(BUNDLED_TAXONOMY_FILES, notSkills);

/** Case-insensitive lookup of a canonical name. */
export function skillNamed(name: string, taxonomy: Taxonomy = TAXONOMY): Skill | undefined {
  return taxonomy.byName.get(name.toLowerCase());
}
