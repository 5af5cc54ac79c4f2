import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { jsonSchemaFiles } from '../contracts/json-schemas';
import { repoRoot } from './repo-root';

/** Regenerates contracts/schemas from the zod contracts. */
const target = join(repoRoot(), 'contracts', 'schemas');
rmSync(target, { recursive: true, force: true });
const files = jsonSchemaFiles();
for (const [name, content] of Object.entries(files)) {
  const file = join(target, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}
process.stdout.write(`wrote ${Object.keys(files).length} JSON Schema files to contracts/schemas\n`);
