/**
 * Renders resources/icon.svg to resources/icon.png (1024 × 1024) with Chromium. electron-builder derives
 * the Windows .ico and the macOS .icns from that PNG. Run after changing the SVG: npx tsx scripts/render-icon.ts
 */
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../electron/chromium-host/chromium-host';

const svg = await readFile('resources/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env['KREDO_CHROMIUM'] ?? '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] });
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg width="1024" height="1024" ')}</body></html>`);
await page.screenshot({ path: 'resources/icon.png', omitBackground: true });
await browser.close();
console.log('resources/icon.png written');
