import { SkillCategory } from '../../../../contracts/jobs/keyword-analysis';
import { extractSkills } from '../../../../src/keywords/analysis/extract-skills';
import { buildTaxonomy, skillNamed, TAXONOMY } from '../../../../src/keywords/analysis/taxonomy';

describe('bundled skills taxonomy', () => {
  it('given the bundled files, when loaded, then it has at least 300 skills', () => {
    expect(TAXONOMY.skills.length).toBeGreaterThanOrEqual(300);
  });

  it('given the bundled files, then non-software jobs are covered too', () => {
    const categories = new Set(TAXONOMY.skills.map((s) => s.category));
    for (const category of ['marketing', 'sales', 'finance', 'healthcare', 'design', 'product', 'soft_skill', 'certification'] as SkillCategory[]) {
      expect([category, categories.has(category)]).toEqual([category, true]);
    }
  });

  it('given every canonical name, when written in a sentence, then it is extracted as itself', () => {
    const misread = TAXONOMY.skills
      .map((skill) => ({ skill: skill.name, found: extractSkills(`Experience with ${skill.name}.`).map((s) => s.skill) }))
      .filter(({ skill, found }) => found.length !== 1 || found[0] !== skill);
    expect(misread).toEqual([]);
  });

  it('given a canonical name in any case, when looked up, then the skill is found', () => {
    expect(skillNamed('postgresql')?.name).toBe('PostgreSQL');
    expect(skillNamed('Postgres')).toBeUndefined();
  });
});

describe('buildTaxonomy', () => {
  const file = (skills: unknown[]) => ({ skills });

  it('given two skills claiming the same spelling, when built, then it throws naming both', () => {
    const files = [file([{ name: 'Go', category: 'language', aliases: ['golang'] }, { name: 'Golang Tools', category: 'tool', aliases: ['Golang'] }])];
    expect(() => buildTaxonomy(files)).toThrow(/"Go" and "Golang Tools"/);
  });

  it('given an unknown category, when built, then it throws', () => {
    expect(() => buildTaxonomy([file([{ name: 'Knitting', category: 'crafts', aliases: [] }])])).toThrow();
  });

  it('given a skill defined twice, when built, then it throws', () => {
    const entry = { name: 'Rust', category: 'language', aliases: [] };
    expect(() => buildTaxonomy([file([entry]), file([entry])])).toThrow(/defined twice/);
  });
});
