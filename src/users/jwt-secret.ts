import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '../shared/logger';

/**
 * The JWT signing secret: JWT_SECRET when set. In embedded mode without it, one is generated
 * once and kept under DATA_DIR so tokens survive restarts. With real backends it is required:
 * several processes must share it.
 */
export async function resolveJwtSecret(options: { configured?: string; data_dir: string; embedded: boolean; logger: Logger }): Promise<string> {
  if (options.configured) return options.configured;
  if (!options.embedded) throw new Error('JWT_SECRET must be set when running on real backends');
  const file = join(options.data_dir, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(options.data_dir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    options.logger.warn({ file }, 'JWT_SECRET is not set: generated one under DATA_DIR; set JWT_SECRET in production');
    return (await readFile(file, 'utf8')).trim();
  }
}
