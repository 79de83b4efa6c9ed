import { useCallback, useEffect, useState } from 'react';
import type { UpdateView } from '../../../../shared/ipc/update-contract';
import { kredo, subscribe } from '../../platform/kredo-api';

/**
 * The update channel as the main process holds it (settings and status), kept current by its status events,
 * and a way to run one of its actions ("Check now", "Install now", "Later", saving the settings).
 */
export function useUpdateView() {
  const [view, setView] = useState<UpdateView>();
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    let isActive = true;
    kredo.updateGetStatus().then(
      (loaded) => isActive && setView(loaded),
      (error: unknown) => isActive && setFailure(error),
    );
    const stop = subscribe('onUpdateStatus', ({ status }) => setView((previous) => previous && { ...previous, status }));
    return () => {
      isActive = false;
      stop();
    };
  }, []);

  const act = useCallback(async (action: () => Promise<UpdateView>) => {
    try {
      setView(await action());
      setFailure(undefined);
    } catch (error) {
      setFailure(error);
    }
  }, []);

  return { view, failure, act };
}
