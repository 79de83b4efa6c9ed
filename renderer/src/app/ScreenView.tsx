import type { ComponentType } from 'react';
import type { Screen } from '../../../shared/navigation/screens';
import { AgeingScreen } from '../features/ageing/AgeingScreen';
import { DunningScreen } from '../features/dunning/DunningScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { LimitsScreen } from '../features/limits/LimitsScreen';
import { PortfolioScreen } from '../features/portfolio/PortfolioScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SyncScreen } from '../features/sync/SyncScreen';

const SCREEN_COMPONENTS: Record<Screen, ComponentType> = {
  portfolio: PortfolioScreen,
  limits: LimitsScreen,
  ageing: AgeingScreen,
  dunning: DunningScreen,
  sync: SyncScreen,
  imports: ImportsScreen,
  settings: SettingsScreen,
};

export function ScreenView({ screen }: { readonly screen: Screen }) {
  const Component = SCREEN_COMPONENTS[screen];
  return <Component />;
}
