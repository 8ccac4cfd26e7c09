import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPublishableImage } from '../../src/io/file-bytes.js';
import { formatOf } from '../../src/io/image-facts.js';
import { isWellFormed } from '../../src/io/image-structure.js';
import { REPO } from '../helpers.js';

const JPEG = readFileSync(join(REPO, 'issues', '042', 'images', 'toul.jpg'));
const PNG = readFileSync(join(REPO, 'templates', 'pvd', 'images', 'logo-pvd.png'));
// The smallest GIF: a 1×1 picture, a two-colour table, one image, the trailer.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const wellFormed = (bytes: Buffer) => isWellFormed(bytes, formatOf(bytes)!);
const html = Buffer.from('<html><script>alert(1)</script></html>');

describe('a picture is one to the end, not only by its first bytes', () => {
  it('takes the pictures of #42, the logo and a minimal GIF', () => {
    expect([JPEG, PNG, GIF].map(wellFormed)).toEqual([true, true, true]);
  });

  it('refuses a signature followed by a page or a script', () => {
    expect(wellFormed(Buffer.concat([PNG.subarray(0, 8), html]))).toBe(false);
    expect(wellFormed(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]))).toBe(false);
    expect(wellFormed(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    // The GIF/JavaScript polyglot: a script that a browser would also read as a GIF header.
    expect(wellFormed(Buffer.from('GIF89a/*\x00\x00\x00\x00*/=1;alert(1)//;', 'latin1'))).toBe(false);
  });

  it('refuses a truncated picture, and anything after its end', () => {
    for (const picture of [JPEG, PNG, GIF]) {
      expect(wellFormed(picture.subarray(0, picture.length - 3))).toBe(false);
      expect(wellFormed(Buffer.concat([picture, html]))).toBe(false);
    }
    // Zeros after the end-of-image marker: some cameras pad their JPEGs.
    expect(wellFormed(Buffer.concat([JPEG, Buffer.alloc(16)]))).toBe(true);
  });

  it('refuses a PNG chunk whose checksum does not match, and a first chunk other than IHDR', () => {
    const damaged = Buffer.from(PNG);
    damaged[20] = damaged[20]! ^ 0xff; // inside IHDR's data
    expect(wellFormed(damaged)).toBe(false);
    const text = Buffer.from('tEXtcomment');
    const chunk = Buffer.alloc(12 + 7);
    chunk.writeUInt32BE(7, 0);
    text.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(chunk.subarray(4, 15)), 15);
    expect(wellFormed(Buffer.concat([PNG.subarray(0, 8), chunk, PNG.subarray(8)]))).toBe(false);
    expect(wellFormed(Buffer.concat([PNG.subarray(0, 33), chunk, PNG.subarray(33)]))).toBe(true);
  });
});

describe('the copy into out/, the last line of defence whatever lint says', () => {
  it('walks the file it copies, and refuses a signature with no picture behind it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pvd-test-'));
    try {
      writeFileSync(join(folder, 'polyglotte.gif'), Buffer.from('GIF89a/*\x00\x00\x00\x00*/=1;alert(1)//;', 'latin1'));
      expect(() => readPublishableImage(join(folder, 'polyglotte.gif'), 'images/polyglotte.gif', join(folder, 'copie.gif'))).toThrow(/is not one to the end/);
      writeFileSync(join(folder, 'carte.gif'), GIF);
      expect(readPublishableImage(join(folder, 'carte.gif'), 'images/carte.gif', join(folder, 'copie.gif')).bytes).toBe(GIF.length);
      expect(readFileSync(join(folder, 'copie.gif')).equals(GIF)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
