import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_SIZE, MINIMUM_WINDOW_SIZE, placeWindow } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorOnTheLeft = { x: -2560, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('reopens the window where it was when that place is still on a screen', () => {
    const saved = { x: -2000, y: 100, width: 1500, height: 900, isMaximized: false };
    expect(placeWindow(saved, [laptop, monitorOnTheLeft])).toEqual(saved);
  });

  it('brings the window back to the primary screen when its monitor is gone', () => {
    const saved = { x: -2000, y: 100, width: 1500, height: 900, isMaximized: true };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.x + placed.width).toBeLessThanOrEqual(laptop.width);
    expect(placed.isMaximized).toBe(true);
  });

  it('refuses a position with the title bar above the screen', () => {
    const placed = placeWindow({ x: 100, y: -500, width: 1200, height: 800, isMaximized: false }, [laptop]);
    expect(placed.y).toBeGreaterThanOrEqual(0);
  });

  it('centres a first window and fits it on a small screen', () => {
    expect(placeWindow(undefined, [laptop])).toEqual({
      x: (1920 - DEFAULT_WINDOW_SIZE.width) / 2,
      y: (1040 - DEFAULT_WINDOW_SIZE.height) / 2,
      ...DEFAULT_WINDOW_SIZE,
      isMaximized: false,
    });
    const small = placeWindow(undefined, [{ x: 0, y: 0, width: 1280, height: 720 }]);
    expect(small.width).toBe(1280);
    expect(small.height).toBe(720);
  });

  it('never restores a window smaller than the minimum', () => {
    const placed = placeWindow({ x: 10, y: 10, width: 200, height: 100, isMaximized: false }, [laptop]);
    expect(placed.width).toBe(MINIMUM_WINDOW_SIZE.width);
    expect(placed.height).toBe(MINIMUM_WINDOW_SIZE.height);
  });
});
