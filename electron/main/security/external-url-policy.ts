/**
 * Links the app may hand to the operating system's browser or mail program. Only `https:` pages on a real
 * host name and `mailto:` addresses pass: no `file:`, no custom schemes that launch other programs, no
 * credentials in the URL, no bare IP addresses or localhost (Electron security checklist §15, "do not use
 * shell.openExternal with untrusted content").
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return /^[^@\s/]+@[^@\s/]+\.[^@\s/]+$/.test(decodeURIComponent(parsed.pathname));
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  const host = parsed.hostname;
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')) return false;
  return true;
}
