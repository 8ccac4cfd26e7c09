import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readCached, readRemembered, writeCached, writeRemembered } from '../../src/io/cache.js';
import { REPO } from '../helpers.js';

// A kind of its own, in the repository's cache folder, where pvd keeps its entries: removed afterwards.
const KIND = `test-entries-${randomBytes(4).toString('hex')}`;
const FOLDER = join(REPO, 'node_modules', '.cache', 'pvd', KIND);
const entryOf = (name: string) => join(FOLDER, `${createHash('sha256').update(name).digest('hex').slice(0, 32)}.bin`);
afterAll(() => rmSync(FOLDER, { recursive: true, force: true }));

describe('the entries pvd remembers, 600 at most per kind', () => {
  it('gives back the bytes under their key only', () => {
    writeRemembered(KIND, '/a/issue.md', 'key-1', Buffer.from('octets'));
    expect(readRemembered(KIND, '/a/issue.md', 'key-1')?.toString()).toBe('octets');
    expect(readRemembered(KIND, '/a/issue.md', 'key-2')).toBeUndefined();
    expect(readRemembered(KIND, '/b/issue.md', 'key-1')).toBeUndefined();
  });

  it('lets go of the least recently used, not of an entry written long ago and read since', async () => {
    rmSync(FOLDER, { recursive: true, force: true });
    // The archive's issue, built first and recalled since; then 599 others, written later and never read.
    writeRemembered(KIND, '/archive/101/issue.md', 'k', Buffer.from('101'));
    for (let index = 0; index < 599; index++) writeRemembered(KIND, `/others/${index}/issue.md`, 'k', Buffer.from('x'));
    const hour = Date.now() / 1000 - 3600;
    utimesSync(entryOf('/archive/101/issue.md'), hour - 3600, hour - 3600);
    for (let index = 0; index < 599; index++) utimesSync(entryOf(`/others/${index}/issue.md`), hour, hour);

    // A later run (pruning is once per run and kind): it recalls the archive's issue, then writes one entry more.
    vi.resetModules();
    const later = await import('../../src/io/cache.js');
    expect(later.readRemembered(KIND, '/archive/101/issue.md', 'k')?.toString()).toBe('101');
    later.writeRemembered(KIND, '/new/issue.md', 'k', Buffer.from('new'));
    expect(readdirSync(FOLDER).filter((name) => name.endsWith('.bin'))).toHaveLength(600);
    expect(existsSync(entryOf('/archive/101/issue.md'))).toBe(true);
    expect(existsSync(entryOf('/new/issue.md'))).toBe(true);
  });
});

describe('the small entries (verdicts, numbers, templates), 120 at most of every kind together', () => {
  const JSON_ENTRY = join(REPO, 'node_modules', '.cache', 'pvd', `${KIND}-${'0'.repeat(32)}.json`);
  afterAll(() => rmSync(JSON_ENTRY, { force: true }));

  it('are dated anew when read under their key, and not when the key differs', () => {
    const key = '0'.repeat(64);
    writeCached(KIND, key, { number: 42 });
    const longAgo = Date.now() / 1000 - 86_400;
    utimesSync(JSON_ENTRY, longAgo, longAgo);
    expect(readCached(KIND, `1${key.slice(1)}`)).toBeUndefined();
    expect(statSync(JSON_ENTRY).mtimeMs / 1000).toBeLessThan(longAgo + 1);
    expect(readCached(KIND, key)).toEqual({ number: 42 });
    expect(statSync(JSON_ENTRY).mtimeMs / 1000).toBeGreaterThan(longAgo + 3600);
  });
});
