/**
 * The renderer's Content Security Policy. Production is strict: only the app's own scripts and styles, no
 * inline code, no eval, no network except the app's own origin (insurer traffic goes through the main
 * process, never the renderer). Electron security checklist §7; `frame-ancestors` is only honoured in a
 * header, and Chromium warns about it in a `<meta>` tag, so the meta variant leaves it out.
 *
 * Development relaxes exactly what Vite's dev server needs: its origin and websocket for hot reload, and
 * inline scripts and styles for the React refresh preamble and injected CSS. The Chromium host always
 * serves the production build, so end-to-end tests run under the strict policy.
 */
export interface CspOptions {
  readonly delivery: 'header' | 'meta';
  /** The Vite dev server's origin, such as `http://localhost:5173`, in development only. */
  readonly devServerOrigin?: string;
}

export function contentSecurityPolicy(options: CspOptions): string {
  const dev = options.devServerOrigin;
  const devSocket = dev?.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': dev && devSocket ? ["'self'", dev, devSocket] : ["'self'"],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
  };
  if (options.delivery === 'header') directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
