import { KredoError } from '../../../shared/errors/kredo-error';
import type { InsurerService } from '../insurer/insurer-service';
import type { IpcHandlers } from './ipc-handlers';

/** Sends a turnover declaration through the dialect's adapter; a dialect without an API for it refuses (the screen offers the portal file instead). */
export function createTurnoverHandlers(insurer: InsurerService): Pick<IpcHandlers, 'insurerDeclareTurnover'> {
  return {
    insurerDeclareTurnover: async (submission) => {
      const port = await insurer.port();
      if (!port.declareTurnover) throw new KredoError('turnover.portalOnly');
      return port.declareTurnover(submission);
    },
  };
}
