import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from a script's location whether it runs from scripts/ or dist/scripts/. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || dir.endsWith('dist')) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
