import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { withLossDefaults } from './loss-state';
import { DEFAULT_SETTINGS, type SandboxState } from './sandbox-state';
import { withProspects } from './seed-prospects';

/**
 * The sandbox's state file. Every change is written whole and atomically (write-file-atomic: temporary
 * file, fsync, rename), one write at a time in the order the changes happened, so a crash leaves the last
 * complete state and a restart carries on from it.
 */
export interface StateFile {
  load(): Promise<SandboxState | undefined>;
  save(state: SandboxState): Promise<void>;
  /** Resolves once every write asked for so far is on disk. */
  flush(): Promise<void>;
}

function looksLikeState(value: unknown): value is SandboxState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Partial<SandboxState>;
  return state.format === 1 && Array.isArray(state.companies) && Array.isArray(state.covers) && Array.isArray(state.requests) && Array.isArray(state.events) && typeof state.policy === 'object';
}

export function stateFile(file: string): StateFile {
  let queue: Promise<void> = Promise.resolve();
  return {
    async load() {
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
      // Files from before a field existed still load: new settings take their defaults, new lists start empty.
      if (looksLikeState(parsed)) return withProspects(withLossDefaults({ ...parsed, settings: { ...DEFAULT_SETTINGS, ...parsed.settings } }));
      // Keep a damaged file for inspection rather than overwriting it with a fresh seed.
      await rename(file, `${file}.corrupt-${Date.now()}`);
      return undefined;
    },
    save(state) {
      // Serialised at call time: later changes cannot leak into an earlier write.
      const text = `${JSON.stringify(state)}\n`;
      queue = queue.catch(() => undefined).then(async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, text, { encoding: 'utf8', fsync: true });
      });
      return queue;
    },
    flush: () => queue.catch(() => undefined),
  };
}
