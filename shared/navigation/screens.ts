/**
 * The app's main screens, in navigation order: six work screens, then Settings. The work screens' order
 * gives their keyboard shortcuts (Ctrl+1 … Ctrl+6, ⌘1 … ⌘6 on macOS); Settings has Ctrl+, (⌘,) as on
 * both platforms' conventions.
 */
export const WORK_SCREENS = ['portfolio', 'limits', 'ageing', 'dunning', 'sync', 'imports'] as const;
export const SCREENS = [...WORK_SCREENS, 'settings'] as const;

export type Screen = (typeof SCREENS)[number];

export function isScreen(value: unknown): value is Screen {
  return typeof value === 'string' && (SCREENS as readonly string[]).includes(value);
}

/** The screen opened by Ctrl/Cmd + digit, or undefined when the digit has no screen. */
export function screenForShortcutDigit(digit: number): Screen | undefined {
  return Number.isInteger(digit) && digit >= 1 ? WORK_SCREENS[digit - 1] : undefined;
}
