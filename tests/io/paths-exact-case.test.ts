import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveInsideFolder } from '../../src/io/paths.js';

// This machine's own disk, which respects case (tests/io/paths-case.test.ts plays one that ignores it).
describe('an image path on a disk that respects case', () => {
  const folder = mkdtempSync(join(tmpdir(), 'pvd-test-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'images'));
  mkdirSync(join(folder, 'IMAGES'));
  writeFileSync(join(folder, 'images', 'Toul.jpg'), 'a');
  writeFileSync(join(folder, 'images', 'tOUL.JPG'), 'b');
  writeFileSync(join(folder, 'images', '042.jpg'), 'c');

  it('is inside as written, when the same name in the other case exists beside it', () => {
    expect(resolveInsideFolder(folder, 'images/Toul.jpg')).toEqual({ kind: 'inside', path: join(folder, 'images', 'Toul.jpg') });
    expect(resolveInsideFolder(folder, 'images/tOUL.JPG')).toEqual({ kind: 'inside', path: join(folder, 'images', 'tOUL.JPG') });
  });

  it('is inside as written, when it is the only one of its spellings, or has no letters', () => {
    expect(resolveInsideFolder(folder, 'images/042.jpg')).toEqual({ kind: 'inside', path: join(folder, 'images', '042.jpg') });
  });

  it('is missing in another case: the disk does not find it either', () => {
    expect(resolveInsideFolder(folder, 'images/TOUL.jpg')).toEqual({ kind: 'missing', path: join(folder, 'images', 'TOUL.jpg') });
  });
});
