/**
 * The origin the Chromium host serves the renderer on. `.invalid` is reserved (RFC 2606) and never resolves,
 * so nothing can reach it except through the host's route handler; `https` makes it a secure context, as
 * `app://` is in Electron. A fixed origin keeps IndexedDB data between runs of the host.
 */
export const HOST_ORIGIN_URL = 'https://kredo.invalid/';

/** The name of the Playwright binding that carries IPC calls from the page to the main services. */
export const IPC_BINDING_NAME = '__kredoIpc';

/** The function the host calls in the page to deliver main-process events. */
export const EVENT_DELIVERY_NAME = '__kredoDeliverEvent';

/**
 * Calls whose answers are large (parsed import batches, backup pieces, every cover of a policy) go to the host as a `fetch` to this
 * path instead of through the binding: measured here, Playwright's binding carries about 5 MB/s, a
 * fulfilled request about 15 MB/s. Same handlers, same sender and payload checks; only the transport differs.
 */
export const BULK_IPC_PATH = '__kredo/ipc/';
export const BULK_CHANNELS: readonly string[] = ['import:read-batch', 'backup:read', 'insurer:full-resync', 'insurer:changes'];
