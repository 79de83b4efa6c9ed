import { useEffect, useRef } from 'react';
import { useNavigationStore } from '../../app/navigation-store';

/**
 * The heading of a Settings section that a notice elsewhere leads to (openSettings('exchange-rates'),
 * openSettings('interest-rates')): once the section has loaded, it is scrolled to and focused, so the
 * controller lands where the notice said and a screen reader announces it.
 */
export function useSectionFocus(section: string, loaded: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  const settingsSection = useNavigationStore((state) => state.settingsSection);
  useEffect(() => {
    if (settingsSection === section && loaded) {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    }
  }, [settingsSection, section, loaded]);
  return heading;
}
