import { readFile } from 'node:fs/promises';
import { writeAtomically } from './atomic-file';

const FORMAT = 'jobwise-durable-checkpoints';
const VERSION = 1;

interface DurableCheckpointsFile {
  format: typeof FORMAT;
  version: number;
  first_event_id: string | null;
  checkpoints: Record<string, string>;
}

/**
 * Checkpoints that must survive a crash on their own, apart from the read-model snapshot (the
 * relay's: a lost one re-publishes all history). A small JSON file rewritten atomically.
 */
export async function writeDurableCheckpoints(path: string, first_event_id: string | null, checkpoints: Record<string, string>): Promise<void> {
  const content: DurableCheckpointsFile = { format: FORMAT, version: VERSION, first_event_id, checkpoints };
  await writeAtomically(path, (file) => file.writeFile(JSON.stringify(content)));
}

/** The stored checkpoints, or an empty record when the file is missing, unreadable or of another event log. */
export async function readDurableCheckpoints(path: string, first_event_id: string | null): Promise<Record<string, string>> {
  let parsed: Partial<DurableCheckpointsFile>;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<DurableCheckpointsFile>;
  } catch {
    return {};
  }
  if (parsed.format !== FORMAT || parsed.version !== VERSION || parsed.first_event_id !== first_event_id) return {};
  const checkpoints = parsed.checkpoints ?? {};
  return Object.fromEntries(Object.entries(checkpoints).filter(([, position]) => typeof position === 'string'));
}
