import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';
import { isSafeExternalUrl } from './external-url-policy';
import { createOriginPolicy } from './origin-policy';
import { isPermissionAllowed, secureWebPreferences } from './web-preferences';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split('; ').map((part) => {
    const [name = '', ...values] = part.split(' ');
    return [name, values];
  }));
}

describe('contentSecurityPolicy', () => {
  it('allows only the app’s own scripts and styles in production, never inline code or eval', () => {
    const csp = directives(contentSecurityPolicy({ delivery: 'header' }));
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it('leaves frame-ancestors out of the meta variant, where browsers ignore it', () => {
    expect(contentSecurityPolicy({ delivery: 'meta' })).not.toContain('frame-ancestors');
  });

  it('opens only the dev server’s origin and websocket in development', () => {
    const csp = directives(contentSecurityPolicy({ delivery: 'header', devServerOrigin: 'http://localhost:5173' }));
    expect(csp.get('script-src')).toContain('http://localhost:5173');
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });
});

describe('createOriginPolicy', () => {
  const isAllowed = createOriginPolicy(['app://kredo/', 'https://kredo.invalid/']);

  it('accepts any page of the app’s own origins', () => {
    expect(isAllowed('app://kredo/index.html')).toBe(true);
    expect(isAllowed('https://kredo.invalid/#/settings')).toBe(true);
  });

  it('refuses look-alike hosts, other schemes and ports, and garbage', () => {
    expect(isAllowed('app://kredo.evil/')).toBe(false);
    expect(isAllowed('https://kredo.invalid.attacker.example/')).toBe(false);
    expect(isAllowed('http://kredo.invalid/')).toBe(false);
    expect(isAllowed('https://kredo.invalid:8443/')).toBe(false);
    expect(isAllowed('file:///etc/passwd')).toBe(false);
    expect(isAllowed('')).toBe(false);
    expect(isAllowed('about:blank')).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('lets https pages on real hosts and mail addresses through', () => {
    expect(isSafeExternalUrl('https://www.atradius.nl/kredietverzekering')).toBe(true);
    expect(isSafeExternalUrl('mailto:credit@example.se')).toBe(true);
  });

  it('refuses everything that could run or reach local things', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'https://user:secret@example.com/',
      'https://localhost/',
      'https://intranet/',
      'https://192.168.1.10/',
      'https://[::1]/',
      'mailto:not-an-address',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('denies every permission except writing text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      expect(isPermissionAllowed(permission)).toBe(false);
    }
  });
});
