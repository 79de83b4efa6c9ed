import { useTranslation } from 'react-i18next';
import { SCREENS, WORK_SCREENS } from '../../../shared/navigation/screens';
import { useBootstrap } from './bootstrap-context';
import { useNavigationStore } from './navigation-store';

/** The sidebar: one entry per screen, the current one marked for assistive technology with aria-current. */
export function Navigation() {
  const { t } = useTranslation(['shell', 'common']);
  const current = useNavigationStore((state) => state.screen);
  const navigate = useNavigationStore((state) => state.navigate);
  const modifier = useBootstrap().platform === 'darwin' ? '⌘' : 'Ctrl+';
  return (
    <nav className="sidebar-nav" aria-label={t('shell:nav.label')}>
      <ul>
        {SCREENS.map((screen) => {
          const digit = (WORK_SCREENS as readonly string[]).indexOf(screen) + 1;
          return (
            <li key={screen}>
              <button
                type="button"
                className="nav-item"
                aria-current={screen === current ? 'page' : undefined}
                onClick={() => navigate(screen)}
              >
                <span className={`nav-icon nav-icon-${screen}`} aria-hidden="true" />
                <span className="nav-label">{t(`common:screens.${screen}`)}</span>
                <kbd className="nav-shortcut" aria-hidden="true">
                  {digit > 0 ? `${modifier}${digit}` : `${modifier},`}
                </kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
