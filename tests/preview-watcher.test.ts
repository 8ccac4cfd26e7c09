import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safePath } from '../src/preview/server.js';
import { folderTree, watchFolders, type FolderWatcher } from '../src/preview/watcher.js';
import { hostnameOf, isLoopback } from '../src/preview/address.js';

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolders', () => {
  let watcher: FolderWatcher | undefined;
  afterEach(() => watcher?.close());

  function watchIssue(): { folder: string; calls: () => number } {
    const folder = mkdtempSync(join(tmpdir(), 'pvd-watch-'));
    writeFileSync(join(folder, 'issue.md'), 'un');
    let calls = 0;
    watcher = watchFolders(() => [folder, join(folder, 'images')], () => calls++, 100);
    return { folder, calls: () => calls };
  }

  it('calls once for a burst of saves', async () => {
    const { folder, calls } = watchIssue();
    for (const text of ['deux', 'trois', 'quatre']) writeFileSync(join(folder, 'issue.md'), text);
    await settle();
    expect(calls()).toBe(1);
  });

  it('keeps seeing issue.md after an editor replaced it by a rename', async () => {
    const { folder, calls } = watchIssue();
    writeFileSync(join(folder, '.issue.md.tmp'), 'deux');
    renameSync(join(folder, '.issue.md.tmp'), join(folder, 'issue.md'));
    await settle();
    expect(calls()).toBe(1);
    writeFileSync(join(folder, 'issue.md'), 'trois');
    await settle();
    expect(calls()).toBe(2);
  });

  it('picks up an images/ folder created after the start', async () => {
    const { folder, calls } = watchIssue();
    mkdirSync(join(folder, 'images'));
    await settle();
    const before = calls();
    writeFileSync(join(folder, 'images', 'photo.jpg'), 'x');
    await settle();
    expect(calls()).toBe(before + 1);
  });

  it('watches a folder deleted and created again within one burst (git checkout)', async () => {
    const { folder, calls } = watchIssue();
    mkdirSync(join(folder, 'images'));
    await settle();
    rmSync(join(folder, 'images'), { recursive: true });
    mkdirSync(join(folder, 'images'));
    await settle();
    const before = calls();
    writeFileSync(join(folder, 'images', 'photo.jpg'), 'x');
    await settle();
    expect(calls()).toBe(before + 1);
  });

  it('stops calling once closed', async () => {
    const { folder, calls } = watchIssue();
    watcher!.close();
    writeFileSync(join(folder, 'issue.md'), 'deux');
    await settle();
    expect(calls()).toBe(0);
  });

  it('lists a template folder with its subfolders', () => {
    const root = mkdtempSync(join(tmpdir(), 'pvd-tree-'));
    mkdirSync(join(root, 'partials'));
    mkdirSync(join(root, 'images'));
    expect(folderTree(root).sort()).toEqual([root, join(root, 'images'), join(root, 'partials')].sort());
    expect(folderTree(join(root, 'absent'))).toEqual([]);
  });
});

describe('safePath', () => {
  it('keeps ordinary paths as written', () => {
    expect(safePath('/')).toBe('/');
    expect(safePath('/assets/042/images/caf%C3%A9.jpg?v=2')).toBe('/assets/042/images/caf%C3%A9.jpg');
  });

  it.each([
    '/../package.json', '/a/../../package.json', '/%2e%2e/package.json', '/%2E%2e%2Fpackage.json', '/.%2e/package.json',
    '/..%5cpackage.json', '/..\\package.json', '/%00', '/%c0%af', '/%', 'package.json', '//../x', '/./x',
  ])('refuses %s', (path) => {
    expect(safePath(path)).toBeUndefined();
  });
});

describe('loopback addresses', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
  });
  it.each(['0.0.0.0', '192.168.1.10', '::', 'example.org', '127.0.0.1.example.org', ''])('%s is not', (host) => {
    expect(isLoopback(host)).toBe(false);
  });
  it('reads the host name out of a Host header', () => {
    expect(hostnameOf('127.0.0.1:4200')).toBe('127.0.0.1');
    expect(hostnameOf('[::1]:4200')).toBe('::1');
    expect(hostnameOf('Localhost')).toBe('localhost');
    expect(hostnameOf(undefined)).toBeUndefined();
  });
});
