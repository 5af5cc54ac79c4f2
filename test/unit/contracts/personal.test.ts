import { z } from 'zod';
import { DomainEventSchemas } from '../../../contracts/events';
import { PersonalPaths } from '../../../contracts/personal';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

/** The alternatives of a (possibly nullable) JSON Schema node. */
const variants = (node: JsonSchema): JsonSchema[] => [node, ...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])].flatMap((n) => (n === node ? [n] : variants(n)));

function resolve(node: JsonSchema, segments: string[]): JsonSchema[] {
  if (segments.length === 0) return [node];
  const [head, ...tail] = segments;
  return variants(node).flatMap((variant) => {
    if (head === '*') return variant.items ? resolve(variant.items, tail) : [];
    const child = variant.properties?.[head];
    return child ? resolve(child, tail) : [];
  });
}

const isString = (node: JsonSchema) => variants(node).some((variant) => variant.type === 'string' || (Array.isArray(variant.type) && variant.type.includes('string')));

describe('personal fields of the event contracts (ADR 0009)', () => {
  const types = DomainEventSchemas.map((schema) => schema.shape.type.value);

  it('every event type declares its personal paths (possibly none), and nothing else is declared', () => {
    const declared = Object.keys(PersonalPaths).sort();
    expect(declared).toEqual([...types].sort());
  });

  it.each(DomainEventSchemas.map((schema) => [schema.shape.type.value, schema] as const))('%s: every personal path names a string in the schema', (type, schema) => {
    const json = z.toJSONSchema(schema.shape.data, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    for (const path of PersonalPaths[type]) {
      const found = resolve(json, path.split('.'));
      expect({ path, strings: found.some(isString) }).toEqual({ path, strings: true });
    }
  });

  it('marks names, e-mails, phones and the summary of a profile, and leaves ids and skills plain', () => {
    expect(PersonalPaths.ProfileCreated).toEqual(expect.arrayContaining(['personal_info.full_name', 'personal_info.email', 'personal_info.phone', 'professional_summary']));
    expect(PersonalPaths.ProfileCreated).not.toContain('profile_id');
    expect(PersonalPaths.SkillsUpdated.some((path) => path.startsWith('skills.technical'))).toBe(false);
    expect(PersonalPaths.UserRegistered).toEqual(['email', 'full_name']);
  });
});
