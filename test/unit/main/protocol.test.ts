import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAssetPath } from '../../../electron/main/protocol';

const root = join(sep, 'opt', 'vetbench', 'renderer');

describe('resolveAppAssetPath', () => {
  it('maps app URLs to files under the renderer folder, and / to index.html', () => {
    expect(resolveAppAssetPath('app://vetbench/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAssetPath('app://vetbench/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppAssetPath('app://vetbench/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAssetPath('app://vetbench/assets/a%20b.css', root)).toBe(join(root, 'assets', 'a b.css'));
  });

  it('keeps dot segments inside the folder (the URL parser collapses them before we see the path)', () => {
    expect(resolveAppAssetPath('app://vetbench/../../../etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
    expect(resolveAppAssetPath('app://vetbench/%2e%2e/%2e%2e/etc/passwd', root)).toBe(join(root, 'etc', 'passwd'));
  });

  it.each([
    'app://vetbench/assets%2f..%2f..%2fsecret',
    'app://vetbench/assets%5c..%5csecret',
    'app://vetbench/index.html%00.png',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://vetbench/index.html',
    'app://vetbench/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppAssetPath(url, root)).toBeNull();
  });
});
