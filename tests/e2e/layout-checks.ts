import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * What the layout and accessibility walk (layout-accessibility.spec.ts) asserts on every screen (issue 17):
 * no serious or critical axe-core violation, no clipped label, and a shell that never scrolls as a whole.
 */
export interface LayoutProblems {
  /** Labels, buttons, headings and tabs whose text does not fit their box (scrollWidth > clientWidth). */
  readonly clipped: readonly string[];
  /** The document itself scrolls: the top bar and sidebar would scroll away with the content. */
  readonly pageScroll: string | undefined;
}

/**
 * Runs in the page. Only elements that carry a label are checked — data cells of the virtualised grid may
 * end in an ellipsis by design, the full value being one click away on the debtor page. An element counts
 * as clipped when its content is wider (or taller) than its box by more than a pixel of rounding.
 */
function findLayoutProblems(): LayoutProblems {
  const LABELS = 'button, label, th, [role="columnheader"], [role="tab"], h1, h2, h3, h4, legend, summary, dt, .kpi-label, .kpi-value, .nav-label';
  const clipped: string[] = [];
  for (const element of Array.from(document.querySelectorAll<HTMLElement>(LABELS))) {
    if (element.closest('.visually-hidden, [hidden], [aria-hidden="true"], dialog:not([open]), [role="gridcell"]')) continue;
    const style = getComputedStyle(element);
    if (style.display === 'inline' || style.display === 'contents' || style.visibility === 'hidden') continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const wide = element.scrollWidth - element.clientWidth;
    const tall = style.overflowY === 'visible' ? 0 : element.scrollHeight - element.clientHeight;
    if (wide > 1 || tall > 1) {
      const text = (element.innerText || element.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
      clipped.push(`${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${text}" (${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight})`);
    }
  }
  const root = document.scrollingElement ?? document.documentElement;
  const pageScroll =
    root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth
      ? `the document is ${root.scrollWidth}×${root.scrollHeight} in a ${window.innerWidth}×${window.innerHeight} window`
      : undefined;
  return { clipped, pageScroll };
}

export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  // Two frames after a resize: what re-renders from a ResizeObserver (charts, the virtualised grid) has settled.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
  return page.evaluate(findLayoutProblems);
}

/**
 * The axe rules whose verdict can change with the window's size alone: a pane that overflows only in the
 * smaller window must then be reachable from the keyboard. The other rules judge markup, names and colours.
 */
export const SIZE_DEPENDENT_AXE_RULES = ['scrollable-region-focusable'] as const;

/**
 * axe-core's serious and critical violations on the page as it stands, one line each with where; with
 * `rules`, only those rules are run.
 *
 * axe runs in the page itself (`axe.run`, AxeBuilder's legacy mode): its default mode runs each frame apart
 * and then finishes the run in a new blank tab of the browser, which is there for cross-origin frames — the
 * renderer has none (its CSP says `frame-src 'none'`) — and cost most of each check's time through the
 * Chromium host (seconds per screen; the same rules, the same violations). Only the violations are worked
 * out in full (`resultTypes`): passes and inapplicable rules are not reported here.
 */
export async function seriousAxeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const results = await (rules ? builder.withRules([...rules]) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ')}${violation.nodes.length > 3 ? ` and ${violation.nodes.length - 3} more` : ''}`);
}
