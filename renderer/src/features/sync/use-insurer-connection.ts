import { useCallback, useEffect, useState } from 'react';
import type { InsurerConnectionView } from '../../../../shared/ipc/insurer-contract';
import { kredo } from '../../platform/kredo-api';

/** The insurer Kredo syncs with (sandbox or URL, whether a key is stored), read from the main process. */
export function useInsurerConnection(): { readonly connection: InsurerConnectionView | undefined; readonly reload: () => void } {
  const [connection, setConnection] = useState<InsurerConnectionView>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let isActive = true;
    kredo.insurerGetConnection({}).then(
      (view) => isActive && setConnection(view),
      () => undefined,
    );
    return () => {
      isActive = false;
    };
  }, [version]);
  return { connection, reload: useCallback(() => setVersion((current) => current + 1), []) };
}
