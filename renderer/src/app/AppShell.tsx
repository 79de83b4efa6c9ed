import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { useScrollMemory } from '../components/use-scroll-memory';
import { InsurerChangesToast } from '../features/sync/InsurerChangesToast';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { UpdateNotice } from '../features/updates/UpdateNotice';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { Navigation } from './Navigation';
import { useNavigationStore } from './navigation-store';
import { ScreenView } from './ScreenView';

/** The frame around every screen: brand and navigation on the left, language in the top bar, the screen in <main>. */
export function AppShell() {
  const { t } = useTranslation(['shell', 'common']);
  const screen = useNavigationStore((state) => state.screen);
  const main = useRef<HTMLElement>(null);
  const debtorId = useNavigationStore((state) => state.debtorId);
  // A Settings section or a part of a debtor's page asked for by name is scrolled to by that screen itself.
  const isSectionAsked = useNavigationStore((state) => Boolean(state.settingsSection ?? state.debtorSection));
  // Each screen, and each debtor's page, comes back scrolled where the controller left it (issue 17).
  useScrollMemory(isSectionAsked ? undefined : debtorId ? `debtor:${debtorId}` : `screen:${screen}`, main);

  // Move focus to the new screen, so keyboard and screen-reader users land on its content.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [screen]);

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('shell:skipToContent')}
      </a>
      <aside className="sidebar">
        <Brand />
        <Navigation />
      </aside>
      <header className="topbar">
        <UpdateNotice />
        <SyncIndicator />
        <LanguageSwitch />
      </header>
      <InsurerChangesToast />
      <main id="main-content" ref={main} tabIndex={-1} className="content" aria-label={t(`common:screens.${screen}`)}>
        <ErrorBoundary resetKey={screen}>
          <ScreenView screen={screen} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
