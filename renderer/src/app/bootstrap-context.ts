import { createContext, useContext } from 'react';
import type { Bootstrap } from '../../../shared/ipc/contract';

/** What the main process told the page at start: version, platform, host, log file. */
export const BootstrapContext = createContext<Bootstrap | undefined>(undefined);

export function useBootstrap(): Bootstrap {
  const bootstrap = useContext(BootstrapContext);
  if (!bootstrap) throw new Error('useBootstrap outside BootstrapContext');
  return bootstrap;
}
