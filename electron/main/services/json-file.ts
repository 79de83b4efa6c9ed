import { readFile, rename } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import type { Logger } from './logger';

/**
 * Writes a JSON file so that a crash or power cut leaves either the old or the new content, never half of
 * each: write-file-atomic writes a temporary file, fsyncs it and renames it over the target.
 */
export async function writeJsonFileAtomic(file: string, data: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', fsync: true });
}

/**
 * Reads a JSON file and checks it against a schema. A missing file gives `undefined`. A damaged one (bad
 * JSON, or content the schema rejects) is moved aside as `<name>.corrupt-<time>` so nothing is silently
 * thrown away, and also gives `undefined`, so the caller starts from its defaults.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, logger: Logger): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside);
  logger.warn('Unreadable file moved aside; starting from defaults', { file, movedTo: aside });
  return undefined;
}
