import type { UpdateService } from '../updates/update-service';
import type { IpcHandlers } from './ipc-handlers';

type UpdateHandlers = Pick<IpcHandlers, 'updateGetStatus' | 'updateSetSettings' | 'updateCheck' | 'updateInstall' | 'updateDefer'>;

/** Settings › Updates and the update banner: each a pass-through to the update service's state machine. */
export function createUpdateHandlers(updates: UpdateService): UpdateHandlers {
  return {
    updateGetStatus: () => updates.view(),
    updateSetSettings: (settings) => updates.setSettings(settings),
    updateCheck: () => updates.check(),
    updateInstall: () => updates.install(),
    updateDefer: () => updates.defer(),
  };
}
