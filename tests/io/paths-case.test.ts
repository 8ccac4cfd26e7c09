import { existsSync as realExists, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// A disk that ignores case, as on Windows and macOS: Toul.JPG is found for toul.jpg.
vi.mock('node:fs', async (original) => {
  const { caseBlindFs } = await import('../case-blind-fs.js');
  return caseBlindFs(await original<typeof import('node:fs')>());
});

const { resolveInsideFolder } = await import('../../src/io/paths.js');

describe('an image path whose case differs from the disk', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pvd-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'images'));
  writeFileSync(join(folder, 'images', 'toul.jpg'), 'x');

  it('is missing for the web server, with the name as the disk spells it', () => {
    expect(resolveInsideFolder(folder, 'Images/Toul.JPG')).toEqual({ kind: 'missing', path: join(folder, 'Images', 'Toul.JPG'), onDisk: 'images/toul.jpg' });
  });

  it('is inside when it is written as the disk spells it', () => {
    expect(resolveInsideFolder(folder, 'images/toul.jpg')).toEqual({ kind: 'inside', path: join(folder, 'images', 'toul.jpg') });
    expect(realExists(join(folder, 'images', 'toul.jpg'))).toBe(true);
  });
});
