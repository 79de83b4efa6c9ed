import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { importProfileSchema, type ImportProfile } from '../../../shared/ipc/import-contract';
import { readJsonFile, writeJsonFileAtomic } from '../services/json-file';
import type { Logger } from '../services/logger';

/**
 * Saved column mappings, one per ERP export layout, in `import-profiles.json`. A file whose header row
 * matches a profile's is read with it without asking (also when it arrives in the watched folder).
 */
export interface ImportProfiles {
  list(): Promise<ImportProfile[]>;
  save(profile: Omit<ImportProfile, 'id'>): Promise<ImportProfile>;
  remove(id: string): Promise<void>;
}

export function createImportProfiles(options: { userDataDir: string; logger: Logger }): ImportProfiles {
  const file = path.join(options.userDataDir, 'import-profiles.json');
  const read = async () => (await readJsonFile(file, z.array(importProfileSchema), options.logger)) ?? [];
  return {
    list: read,
    async save(profile) {
      // One profile per header layout: saving again replaces it.
      const others = (await read()).filter((existing) => existing.headerSignature !== profile.headerSignature);
      const saved = { id: randomUUID(), ...profile };
      await writeJsonFileAtomic(file, [...others, saved]);
      return saved;
    },
    async remove(id) {
      await writeJsonFileAtomic(file, (await read()).filter((profile) => profile.id !== id));
    },
  };
}
