import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveStaticFile, staticResponseHeaders } from '../static/static-files';
import { APP_ORIGIN_URL, APP_SCHEME } from './app-urls';

/** Must run before the app is ready: `app://` behaves like `https://` (origin, storage, fetch, secure context). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer on `app://kredo/`, read-only, with the strict CSP on every response. */
export function serveRendererOnAppScheme(rendererDir: string, csp: string): void {
  const appHost = new URL(APP_ORIGIN_URL).host;
  protocol.handle(APP_SCHEME, async (request) => {
    const file = new URL(request.url).host === appHost ? resolveStaticFile(rendererDir, request.url) : undefined;
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    if (!file) return new Response(null, { status: 404 });
    try {
      return new Response(await readFile(file.filePath), { headers: staticResponseHeaders(file, csp) });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
