/**
 * Blanks out text that spells a skill without asking for it: the company's own name ("Beacon HR"
 * is not Human Resources) and the field list of a degree ("BS in Finance or Accounting" asks for
 * a degree, not for accounting skills). Blanking keeps offsets valid.
 */
export function maskNonSkillText(text: string, company?: string): string {
  const withoutCompany = company?.trim() ? text.replace(nameRegex(company.trim()), blank) : text;
  return withoutCompany.replace(DEGREE_FIELDS, (whole, fields: string) => whole.slice(0, whole.length - fields.length) + blank(fields));
}

const DEGREE_WORD = String.raw`(?:[Dd]egree|[Dd]iploma|[Bb]achelor'?s?|[Mm]aster'?s?|BS|BA|BSc|MS|MA|MSc|MBA|Ph\.?D|BSN|MSN|[Mm]ajor)`;
const FIELD = String.raw`(?:an?\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*`;
const DEGREE_FIELDS = new RegExp(String.raw`\b${DEGREE_WORD}\b[^.;:\n]{0,30}?\bin\s+(${FIELD}(?:\s*(?:,|\/|&|\bor\b|\band\b)\s*(?:${FIELD})?)*)`, 'g');

function nameRegex(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}
