/**
 * Which pages may call the main process, and where the window may go. Compared on scheme and host parsed
 * with `URL`, never with `startsWith`, which `https://kredo.app.attacker.example` would fool (Electron
 * security checklist §13 and §17). `URL.origin` is "null" for custom schemes such as `app://`, so the key
 * is built from protocol and host instead.
 */
export function originKey(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export function createOriginPolicy(allowedUrls: readonly string[]): (url: string) => boolean {
  const allowed = new Set(allowedUrls.map((url) => originKey(url)).filter((key): key is string => key !== undefined));
  return (url: string) => {
    const key = originKey(url);
    return key !== undefined && allowed.has(key);
  };
}
