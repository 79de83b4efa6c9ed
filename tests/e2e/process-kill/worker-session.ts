import WebSocket from 'ws';

/**
 * A DevTools session of its own with one of Chromium's worker targets, over the target's WebSocket (the
 * Chrome DevTools Protocol's Runtime domain), not through Playwright: Playwright reports a page's dedicated
 * workers only when it attaches to them itself, and a connection made to a running host can miss a worker
 * that already runs, for good. On a loaded machine that happened in 2 of 3 tries: Chromium listed the data
 * worker on its /json/list endpoint while fourteen Playwright connections, made a second apart, reported none.
 */
export interface WorkerSession {
  /** Runs `fn(arg)` in the worker's global scope; `fn` is sent as source text, so it may use only its argument. */
  evaluate<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  /** Calls `listener` with the first argument of every console message the worker writes from now on. */
  onConsole(listener: (text: string) => void): void;
  close(): void;
}

interface Target {
  readonly id: string;
  readonly type: string;
  readonly url: string;
  readonly webSocketDebuggerUrl?: string;
}

/** The targets Chromium runs, from its DevTools HTTP endpoint. */
export async function chromiumTargets(endpoint: string): Promise<readonly Target[]> {
  const response = await fetch(`${endpoint}/json/list`).catch(() => undefined);
  return response?.ok ? ((await response.json()) as Target[]) : [];
}

/** Opens a session with the worker target whose URL holds `name`, once Chromium runs it; undefined until then. */
export async function openWorkerSession(endpoint: string, name: string): Promise<WorkerSession | undefined> {
  const target = (await chromiumTargets(endpoint)).find((candidate) => candidate.type === 'worker' && candidate.url.includes(name));
  if (!target) return undefined;
  const socket = new WebSocket(target.webSocketDebuggerUrl ?? `${endpoint.replace(/^http/, 'ws')}/devtools/page/${target.id}`);
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  const listeners: ((text: string) => void)[] = [];
  let lastId = 0;
  // After a kill the socket simply ends; what is still waiting fails instead of hanging the test.
  const failAll = (error: Error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  socket.on('error', (error) => failAll(error));
  socket.on('close', () => failAll(new Error(`The DevTools session with ${target.url} closed`)));
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: { args?: { value?: unknown }[] } };
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
    } else if (message.method === 'Runtime.consoleAPICalled') {
      const text = String(message.params?.args?.[0]?.value ?? '');
      for (const listener of listeners) listener(text);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      lastId += 1;
      pending.set(lastId, { resolve, reject });
      socket.send(JSON.stringify({ id: lastId, method, params }));
    });
  await send('Runtime.enable');
  return {
    async evaluate(fn, arg) {
      const result = (await send('Runtime.evaluate', { expression: `(${fn.toString()})(${JSON.stringify(arg)})`, awaitPromise: true, returnByValue: true })) as { exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (result.exceptionDetails) throw new Error(`In the worker: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    },
    onConsole: (listener) => {
      listeners.push(listener);
    },
    close: () => socket.terminate(),
  };
}
