import type { z } from 'zod';
import type { InvokeMethod } from '../../../shared/ipc/channels';
import type { INVOKE_CONTRACT, InvokeResponse } from '../../../shared/ipc/contract';

/**
 * The main process's implementation of every invoke channel: a plain async function of the already
 * validated request. One map serves every transport (Electron's ipcMain, the Chromium host's binding,
 * unit tests), in the manner of Actual Budget's handler map.
 */
export type IpcHandlers = {
  readonly [M in InvokeMethod]: (
    request: z.output<(typeof INVOKE_CONTRACT)[M]['request']>,
  ) => Promise<InvokeResponse<M>> | InvokeResponse<M>;
};
