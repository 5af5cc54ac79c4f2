import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '../shared/logger';
import { KEY_BYTES } from './port';

/**
 * The master key that wraps every data key: JOBWISE_MASTER_KEY when set; otherwise one is
 * generated once under DATA_DIR (with a warning), like the JWT secret. Processes on several
 * machines must share JOBWISE_MASTER_KEY.
 */
export async function resolveMasterKey(options: { configured?: Buffer; data_dir: string; logger: Logger }): Promise<Buffer> {
  if (options.configured) return options.configured;
  const file = join(options.data_dir, 'master-key');
  try {
    return decode(await readFile(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(options.data_dir, { recursive: true });
    await writeFile(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' }).catch(() => undefined);
    options.logger.warn({ file }, 'JOBWISE_MASTER_KEY is not set: generated one under DATA_DIR; set JOBWISE_MASTER_KEY in production');
    return decode(await readFile(file, 'utf8'), file);
  }
}

function decode(text: string, file: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file} does not hold a base64 key of ${KEY_BYTES} bytes`);
  return key;
}

/**
 * With MongoDB, processes with different DATA_DIRs share the keys, so without
 * JOBWISE_MASTER_KEY the master key is derived (HKDF-SHA256) from the JWT secret, which every
 * process of a deployment already shares. A fallback with a warning: changing JWT_SECRET would
 * then make every key unreadable, so set JOBWISE_MASTER_KEY in production.
 */
export function resolveSharedMasterKey(options: { configured?: Buffer; jwt_secret: string; logger: Logger }): Buffer {
  if (options.configured) return options.configured;
  options.logger.warn({}, 'JOBWISE_MASTER_KEY is not set: derived the master key from JWT_SECRET; set JOBWISE_MASTER_KEY in production');
  return Buffer.from(hkdfSync('sha256', options.jwt_secret, 'jobwise', 'master-key-v1', KEY_BYTES));
}
