import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LabelledPosting } from './evaluation';

/**
 * Reads the hand-labelled evaluation postings (test/fixtures/postings/*.json). Used by the
 * evaluation test and `npm run eval:keywords` only; the analyzer itself does no I/O.
 */

const PostingFile = z.strictObject({
  title: z.string().min(1),
  company: z.string().min(1),
  description: z.string(),
  requirements: z.array(z.string()),
  responsibilities: z.array(z.string()),
  benefits: z.array(z.string()).optional(),
  labels: z.strictObject({ required: z.array(z.string()), preferred: z.array(z.string()) }),
});

export function readLabelledPostings(directory: string): LabelledPosting[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = PostingFile.safeParse(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const { labels, ...posting } = parsed.data;
      return { name: file.replace(/\.json$/, ''), posting, labels };
    });
}
