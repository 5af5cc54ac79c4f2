import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jsonSchemaFiles } from '../../../contracts/json-schemas';

const dir = join(__dirname, '../../../contracts/schemas');

function committedFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? committedFiles(path) : [relative(dir, path)];
  });
}

describe('committed JSON Schema files', () => {
  const generated = jsonSchemaFiles();

  it('match the zod contracts (run `npm run contracts:generate` after changing a contract)', () => {
    for (const [name, content] of Object.entries(generated)) {
      const path = join(dir, name);
      expect({ name, content: existsSync(path) ? readFileSync(path, 'utf8') : '<missing>' }).toEqual({ name, content });
    }
  });

  it('has no stale files for contracts that no longer exist', () => {
    expect(committedFiles(dir).sort()).toEqual(Object.keys(generated).sort());
  });
});
