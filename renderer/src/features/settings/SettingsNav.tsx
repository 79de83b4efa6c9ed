import { useState, useSyncExternalStore, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

/** Settings' sections in the order shown: each direct child <section> named by its heading, or <fieldset> by its legend. */
function sectionsIn(container: HTMLElement | null): { readonly element: HTMLElement; readonly heading: HTMLElement }[] {
  if (!container) return [];
  return Array.from(container.children).flatMap((element) => {
    if (!(element instanceof HTMLElement)) return [];
    const labelledBy = element.getAttribute('aria-labelledby');
    const heading = labelledBy ? document.getElementById(labelledBy) : element.querySelector(':scope > legend');
    return heading instanceof HTMLElement && heading.textContent?.trim() ? [{ element, heading }] : [];
  });
}

/**
 * The sections' titles as one string, a snapshot that changes only when a title does (the language, say),
 * watched as the page changes (a section that appears once loaded).
 */
function sectionTitles(sections: RefObject<HTMLElement | null>) {
  return {
    subscribe(changed: () => void) {
      const observer = new MutationObserver(changed);
      if (sections.current) observer.observe(sections.current, { childList: true, subtree: true, characterData: true });
      return () => observer.disconnect();
    },
    snapshot(): string {
      return sectionsIn(sections.current)
        .map((section) => `${section.heading.id}\t${section.heading.textContent?.trim() ?? ''}`)
        .join('\n');
    },
  };
}

/**
 * The list of Settings' sections beside them (issue 17: Settings was one 4,000 px page with no way
 * around it). It reads the sections from the page itself, so a section added to Settings is listed
 * without being named twice; a click or Enter scrolls to the section and moves focus to its heading,
 * which a screen reader then announces.
 */
export function SettingsNav({ sections }: { readonly sections: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('settings');
  const [chosen, setChosen] = useState<number>();
  const [titlesStore] = useState(() => sectionTitles(sections));
  const titles = useSyncExternalStore(titlesStore.subscribe, titlesStore.snapshot);
  const open = (index: number) => {
    const section = sectionsIn(sections.current)[index];
    if (!section) return;
    setChosen(index);
    section.element.scrollIntoView({ block: 'start' });
    if (!section.heading.hasAttribute('tabindex')) section.heading.tabIndex = -1;
    section.heading.focus({ preventScroll: true });
  };
  // Links, as in-page navigation is (and so apart from the sections' own buttons); Enter follows them.
  return (
    <nav className="settings-nav" aria-label={t('sections')}>
      {titles ? (
        <ul>
          {titles.split('\n').map((line, index) => {
            const [id = '', title = ''] = line.split('\t');
            return (
              <li key={`${index}-${id}`}>
                <a
                  href={`#${id}`}
                  className="settings-nav-item"
                  aria-current={chosen === index ? 'location' : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    open(index);
                  }}
                >
                  {title}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </nav>
  );
}
