import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASYNCAPI_FILE, asyncApiYaml } from '../contracts/asyncapi/document';
import { repoRoot } from './repo-root';

/** Regenerates contracts/asyncapi.yaml from the zod contracts. */
writeFileSync(join(repoRoot(), ASYNCAPI_FILE), asyncApiYaml());
process.stdout.write(`wrote ${ASYNCAPI_FILE}\n`);
