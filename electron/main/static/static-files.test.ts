import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile, staticResponseHeaders } from './static-files';

const root = path.resolve('/srv/kredo/renderer');

describe('resolveStaticFile', () => {
  it('maps the origin root to index.html and assets to their files', () => {
    expect(resolveStaticFile(root, 'app://kredo/')).toEqual({ filePath: path.join(root, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveStaticFile(root, 'https://kredo.invalid/assets/index-abc.js?v=1')?.filePath).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticFile(root, 'app://kredo/assets/app.css')?.contentType).toBe('text/css; charset=utf-8');
  });

  it('refuses to climb out of the renderer folder, however the path is written', () => {
    for (const url of [
      'app://kredo/../../etc/passwd',
      'app://kredo/%2e%2e/%2e%2e/etc/passwd',
      'app://kredo/assets/..%2f..%2f..%2fsecrets.json',
      'app://kredo/..%5c..%5csecrets.json',
      'app://kredo/index.html%00.png',
      'app://kredo/%E0%A4%A',
    ]) {
      const file = resolveStaticFile(root, url);
      // Either refused, or (where URL parsing already folded the dots away) still inside the folder.
      if (file) expect(file.filePath.startsWith(`${root}${path.sep}`), `${url} → ${file.filePath}`).toBe(true);
    }
    expect(resolveStaticFile(root, 'app://kredo/..%2f..%2fsecrets.json')).toBeUndefined();
    expect(resolveStaticFile(root, 'app://kredo/index.html%00.png')).toBeUndefined();
  });

  it('serves unknown file types as opaque bytes, never as something executable', () => {
    expect(resolveStaticFile(root, 'app://kredo/data.bin')?.contentType).toBe('application/octet-stream');
  });

  it('sends the CSP and nosniff with every file', () => {
    const headers = staticResponseHeaders({ filePath: 'x', contentType: 'text/html' }, "default-src 'none'");
    expect(headers['content-security-policy']).toBe("default-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
