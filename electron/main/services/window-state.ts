import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';
import type { Logger } from './logger';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  isMaximized: z.boolean(),
});

export type WindowState = z.output<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1360, height: 860 } as const;
export const MINIMUM_WINDOW_SIZE = { width: 960, height: 600 } as const;

/**
 * Where to open the window: the saved bounds when at least a usable part of them (a title bar's worth)
 * still lies on a connected display, otherwise centred on the primary display. This covers the laptop that
 * was last used with an external monitor on the left and now has none.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_WINDOW_SIZE };
  if (saved && workAreas.some((area) => overlapsUsably(saved, area))) {
    return {
      ...saved,
      width: Math.max(saved.width, MINIMUM_WINDOW_SIZE.width),
      height: Math.max(saved.height, MINIMUM_WINDOW_SIZE.height),
    };
  }
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
  return {
    x: primary.x + Math.round((primary.width - width) / 2),
    y: primary.y + Math.round((primary.height - height) / 2),
    width,
    height,
    isMaximized: saved?.isMaximized ?? false,
  };
}

function overlapsUsably(window: Rectangle, area: Rectangle): boolean {
  const overlapWidth = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  // The top edge must be on screen, so the title bar can be grabbed.
  const topVisible = window.y >= area.y && window.y < area.y + area.height - 40;
  return overlapWidth >= 120 && topVisible;
}

export interface WindowStateStore {
  load(): Promise<WindowState | undefined>;
  save(state: WindowState): Promise<void>;
}

export function createWindowStateStore(options: { userDataDir: string; logger: Logger }): WindowStateStore {
  const file = path.join(options.userDataDir, 'window-state.json');
  return {
    load: () => readJsonFile(file, windowStateSchema, options.logger),
    save: (state) => writeJsonFileAtomic(file, state),
  };
}
