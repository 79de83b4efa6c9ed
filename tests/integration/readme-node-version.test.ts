/**
 * Issue 17: the README asked for Node 20.19 while Electron and its tools need 22.12, and npm printed a wall
 * of EBADENGINE warnings. The Node version the README and package.json's `engines` name must be the
 * highest any of Kredo's own dependencies asks for (their installed package.json `engines.node`), so
 * bumping Electron without updating the README fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

type Version = readonly [number, number, number];
const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The lowest Node a range accepts (">= 22.12.0" → 22.12.0; "^18.17.0 || >=20.5.0" → 18.17.0). */
function lowestAccepted(range: string): Version | undefined {
  const versions = [...range.matchAll(/(\d+)(?:\.(\d+))?(?:\.(\d+))?/g)].map((match): Version => [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)]);
  return versions.sort(compare)[0];
}

function nodeTheDependenciesNeed(): { version: Version; by: string } {
  const manifest = readJson(path.join(root, 'package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  let needed: { version: Version; by: string } = { version: [0, 0, 0], by: '' };
  for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
    const engines = readJson(path.join(root, 'node_modules', name, 'package.json')).engines as { node?: string } | undefined;
    const lowest = engines?.node ? lowestAccepted(engines.node) : undefined;
    if (lowest && compare(lowest, needed.version) > 0) needed = { version: lowest, by: name };
  }
  return needed;
}

describe('the Node version Kredo asks for', () => {
  it('is the highest its dependencies need, in package.json engines and in the README’s Get started', () => {
    const { version, by } = nodeTheDependenciesNeed();
    expect(by, 'some dependency names a Node version').not.toBe('');
    const engines = (readJson(path.join(root, 'package.json')).engines as { node: string }).node;
    expect(lowestAccepted(engines), `package.json engines (${by} needs ${version.join('.')})`).toEqual(version);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const getStarted = readme.slice(readme.indexOf('## Get started'), readme.indexOf('## ', readme.indexOf('## Get started') + 3));
    expect(getStarted, `README Get started (${by} needs ${version.join('.')})`).toContain(`**${version[0]}.${version[1]} or newer**`);
  });
});
