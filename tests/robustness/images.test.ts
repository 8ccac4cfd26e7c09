import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { publishIssueFolder } from '../../src/io/output-folder.js';
import { editIssue, makeProject, PVD, REPO, runPvd } from '../helpers.js';
import { gif, png } from '../lint/support.js';
import { canCountBytesRead, runPvdCountingReads, STACK_TRACE } from './support.js';

/**
 * Issue 12 items 2, 8, 12 and 19: only real pictures are published. A local image is
 * identified by its bytes (JPEG, PNG, GIF) and must be named as one; anything else is a
 * located error in lint (image-format), and the build refuses it even with lint's rules
 * off; the writer itself copies nothing else. Reads are bounded; a file with several names
 * (hard link) is refused; two images never share a published name.
 */
const projects: string[] = [];
const project = (): string => {
  const root = makeProject();
  projects.push(root);
  return root;
};
afterAll(() => {
  for (const root of projects) rmSync(root, { recursive: true, force: true });
});

/** #42 shows images/toul.jpg at line 75, column 1. */
const TOUL = 'issues/042/issue.md:75:1';
const images = (root: string) => join(root, 'issues', '042', 'images');
const useInsteadOfToul = (root: string, src: string) => editIssue(root, '042', (source) => source.replace('images/toul.jpg', src));
const JPEG = readFileSync(join(REPO, 'issues', '042', 'images', 'toul.jpg'));
const rulesOff = (root: string, ids: string[]) => {
  const path = join(root, 'templates', 'pvd', 'template.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('rules: {}', `rules: { ${ids.map((id) => `${id}: off`).join(', ')} }`));
};

/** Nothing of that name reached out/, and out/042 was not (re)built. */
function expectNotPublished(root: string, name: string): void {
  const out = join(root, 'out', '042', 'images');
  expect(existsSync(out) ? readdirSync(out) : []).not.toContain(name);
  expect(existsSync(join(root, 'out', '042', 'index.html'))).toBe(false);
}

describe('a local "image" that is no JPEG, PNG or GIF by its bytes', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600"><script>alert(document.domain)</script></svg>';
  const html = '<!doctype html><html><body><script>alert(document.domain)</script></body></html>';
  const webp = Buffer.concat([Buffer.from('RIFF\x16\x00\x00\x00WEBPVP8X', 'latin1'), Buffer.alloc(14)]);
  const cases: [string, string | Buffer, string][] = [
    ['dessin.svg', svg, "c'est un dessin SVG, qui peut contenir un script"],
    ['dessin.jpg', svg, "c'est un dessin SVG, qui peut contenir un script"],
    ['dessin.png', `<?xml version="1.0"?>\n<!-- logo -->\n${svg}`, "c'est un dessin SVG, qui peut contenir un script"],
    ['page.html', html, "c'est une page HTML"],
    ['page.jpg', html, "c'est une page HTML"],
    ['page.gif', `  <script>alert(1)</script>`, "c'est une page HTML"],
    ['photo.webp', webp, "c'est une image WEBP, que des messageries n'affichent pas"],
    ['photo.jpg', webp, "c'est une image WEBP, que des messageries n'affichent pas"],
    ['document.jpg', '%PDF-1.7\n', "c'est un document PDF"],
    ['notes.jpg', 'ceci est du texte', "c'est du texte"],
    ['vide.jpg', '', "c'est un fichier vide"],
    ['inconnu.jpg', Buffer.from([0, 1, 2, 3, 0xfe]), "c'est un fichier d'un type inconnu"],
  ];
  it.each(cases)('images/%s is a located error, and never copied', (name, bytes, what) => {
    const root = project();
    writeFileSync(join(images(root), name), bytes);
    useInsteadOfToul(root, `images/${name}`);
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/${name} » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, ${what}) : pvd ne la publie pas. Enregistrez-la en JPEG ou PNG depuis un logiciel de retouche.`);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-format`);
    expectNotPublished(root, name);
  });

  // Eight bytes of signature, then a page or a script: a picture in no mail client, a page or a script on the site.
  const disguised: [string, Buffer, string][] = [
    ['png-page.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(html)]), 'PNG'],
    ['jpeg-page.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(html)]), 'JPEG'],
    ['signature.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'JPEG'],
    ['polyglotte.gif', Buffer.from('GIF89a/*\x00\x00\x00\x00*/=1;alert(document.domain)//;', 'latin1'), 'GIF'],
    ['tronquee.jpg', JPEG.subarray(0, JPEG.length - 100), 'JPEG'],
    ['suivie.jpg', Buffer.concat([JPEG, Buffer.from(html)]), 'JPEG'],
  ];
  it.each(disguised)('images/%s, a signature without the picture behind it, is a located error, and never copied', (name, bytes, kind) => {
    const root = project();
    writeFileSync(join(images(root), name), bytes);
    useInsteadOfToul(root, `images/${name}`);
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/${name} » commence comme une image ${kind} mais n'en est pas une jusqu'au bout (fichier tronqué, abîmé, ou autre chose déguisé en image) : pvd ne la publie pas.`);
    rulesOff(root, ['image-format']);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-format`);
    expectNotPublished(root, name);
  });

  it.each([['photo.html', JPEG, 'JPEG', 'jpg'], ['photo.svg', JPEG, 'JPEG', 'jpg'], ['vignette.htm', gif(900, 600), 'GIF', 'gif'], ['vignette', png(900, 600), 'PNG', 'png']] as const)(
    'a real picture named %s, which a web server would send as a page, is refused',
    (name, bytes, format, extension) => {
      const root = project();
      writeFileSync(join(images(root), name), bytes);
      useInsteadOfToul(root, `images/${name}`);
      const lint = runPvd(['lint', '42'], { cwd: root });
      expect(lint.code).toBe(1);
      const sentAs = name.includes('.') ? name.slice(name.lastIndexOf('.')) : 'un fichier sans type';
      expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/${name} » est une image ${format}, mais son nom ne finit pas par .${extension} : un serveur web l'enverrait comme ${sentAs}. Renommez-la ${name.split('.')[0]}.${extension}.`);
      expect(runPvd(['build', '42'], { cwd: root }).code).toBe(1);
      expectNotPublished(root, name);
    },
  );

  it('is refused by the build even with every image rule off in template.yaml', () => {
    const root = project();
    writeFileSync(join(images(root), 'dessin.jpg'), svg);
    useInsteadOfToul(root, 'images/dessin.jpg');
    rulesOff(root, ['image-format', 'image-weight', 'image-name', 'image-outside']);
    expect(runPvd(['lint', '42'], { cwd: root }).code).toBe(0);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-format  « images/dessin.jpg » n'est pas une image JPEG, PNG ou GIF`);
    expectNotPublished(root, 'dessin.jpg');
  });

  it('is refused by the writer itself, whatever calls it: checked on the bytes it copies', () => {
    const root = project();
    const source = join(images(root), 'dessin.jpg');
    writeFileSync(source, svg);
    const out = join(root, 'out');
    const attempt = (path: string, from: string) => () => publishIssueFolder(out, '042', [{ path: 'index.html', content: 'x' }, { path, source: from }]);
    expect(attempt('images/dessin.jpg', source)).toThrow(/dessin\.jpg is not a JPEG, PNG or GIF picture \(by its content\): pvd does not publish it/);
    expect(attempt('images/photo.html', join(images(root), 'toul.jpg'))).toThrow(/would be published as images\/photo\.html, which is not an image's name/);
    linkSync(join(images(root), 'toul.jpg'), join(root, 'ailleurs.jpg'));
    expect(attempt('images/toul.jpg', join(images(root), 'toul.jpg'))).toThrow(/has several names \(a hard link\)/);
    expect(existsSync(join(out, '042'))).toBe(false);
    expect(readdirSync(join(out, '.pvd'))).toEqual([]);
  });
});

describe('image files lint must read, within bounds', () => {
  /** A sparse file: its size is real, its blocks are not written, so a test can make gigabytes. */
  const sparse = (path: string, bytes: number, head: Buffer) => {
    const fd = openSync(path, 'w');
    writeSync(fd, head, 0, head.length, 0);
    writeSync(fd, Buffer.from([0]), 0, 1, bytes - 1);
    closeSync(fd);
  };

  /**
   * What lint reads of an issue and its other images, with pvd's own code: a few megabytes.
   * Reading one of these files whole would be gigabytes (its time and memory are in `npm run bench`).
   */
  const READ_AT_MOST = 32 * 1024 * 1024;
  if (!canCountBytesRead) console.warn('/proc/self/io absent : la mesure des octets lus (lectures bornées des images) est ignorée hors Linux.');

  it.each([['1 GiB', 1024 ** 3], ['3 GiB', 3 * 1024 ** 3]])('a %s file that is no picture is refused from its first bytes', (_label, bytes) => {
    const root = project();
    sparse(join(images(root), 'enorme.jpg'), bytes, Buffer.from('<html><body>'));
    useInsteadOfToul(root, 'images/enorme.jpg');
    const lint = runPvdCountingReads(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/enorme.jpg » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est une page HTML) : pvd ne la publie pas.`);
    if (canCountBytesRead) expect(lint.bytesRead, 'the file is not read whole').toBeLessThan(READ_AT_MOST);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-format  « images/enorme.jpg » n'est pas une image JPEG, PNG ou GIF`);
    expect(build.stderr).not.toMatch(/ERR_OUT_OF_RANGE|erreur inattendue/);
  });

  it('a 3 GiB file that starts as a JPEG: its size from the file system, its dimensions sought in 4 MB at most', () => {
    const root = project();
    sparse(join(images(root), 'enorme.jpg'), 3 * 1024 ** 3, Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xfe]));
    useInsteadOfToul(root, 'images/enorme.jpg');
    const lint = runPvdCountingReads(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-weight  L'image images/enorme.jpg pèse 3072,0 Mo, au-delà de la limite de 1 Mo : réduisez-la à 300 Ko au plus (JPEG qualité 80, 762 px de large suffisent).`);
    // Too large for its structure to be walked: not published, whatever its first bytes say.
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/enorme.jpg » commence comme une image JPEG mais n'en est pas une jusqu'au bout (fichier tronqué, abîmé, ou autre chose déguisé en image, ou trop lourd pour être vérifié)`);
    if (canCountBytesRead) expect(lint.bytesRead, 'dimensions sought in the first 4 MB only').toBeLessThan(READ_AT_MOST);
  });

  it('a folder, or a named pipe, named like an image: located, and no wait for a writer', () => {
    const root = project();
    mkdirSync(join(images(root), 'dossier.jpg'));
    execFileSync('mkfifo', [join(images(root), 'tube.jpg')]);
    editIssue(root, '042', (source) => source.replace('images/toul.jpg', 'images/dossier.jpg').replace('images/manosque.jpg', 'images/tube.jpg'));
    const lint = runPvd(['lint', '42'], { cwd: root, timeout: 20_000 });
    expect(lint.signal).toBeNull();
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  « images/dossier.jpg » n'est pas un fichier image (c'est un dossier, ou un fichier spécial) : mettez à sa place la photo en JPEG, PNG ou GIF.`);
    expect(lint.stdout).toMatch(/issue\.md:43:1 {2}erreur {2}image-format {2}« images\/tube\.jpg » n'est pas un fichier image/);
    const build = runPvd(['build', '42'], { cwd: root, timeout: 20_000 });
    expect(build.code).toBe(1);
    expect(build.stderr).not.toMatch(STACK_TRACE);
  });

  test.skipIf(process.getuid?.() !== 0)('an image the user may not read: a located error in lint, not a clean lint then a failed build', () => {
    const root = project();
    spawnSync('chmod', ['-R', 'a+rX', root]);
    spawnSync('chmod', ['000', join(images(root), 'toul.jpg')]);
    // As root every file is readable: pvd runs as "nobody".
    const run = (args: string[]) => spawnSync(process.execPath, [PVD, ...args], { cwd: root, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PVD_LANG: '' } });
    const lint = run(['lint', '42']);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-format  Impossible de lire l'image « images/toul.jpg » (permission refusée) : vérifiez que vous avez le droit de la lire, ou réenregistrez-la.`);
    mkdirSync(join(root, 'sortie'), { mode: 0o777 });
    spawnSync('chmod', ['777', join(root, 'sortie')]);
    const build = run(['build', '42', '--out-dir', 'sortie']);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-format  Impossible de lire l'image`);
  });
});

describe('a hard link to a file outside images/', () => {
  it('is refused, located, and not published, even with image-outside off', () => {
    const root = project();
    writeFileSync(join(root, 'photo-privee.jpg'), JPEG);
    linkSync(join(root, 'photo-privee.jpg'), join(images(root), 'lien.jpg'));
    useInsteadOfToul(root, 'images/lien.jpg');
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-outside  « images/lien.jpg » a plusieurs noms (c'est un lien physique) : ce peut être un fichier pris hors du dossier du numéro. Copiez l'image dans images/ au lieu de la lier.`);
    rulesOff(root, ['image-outside']);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-outside  « images/lien.jpg » a plusieurs noms`);
    expectNotPublished(root, 'lien.jpg');
  });
});

describe('two images under one published name', () => {
  // Another picture, whole: a JPEG with bytes after its end is refused by image-format before image-name.
  const otherJpeg = readFileSync(join(REPO, 'issues', '042', 'images', 'attigny.jpg'));
  it.each([
    ['an issue image named like the logo', (root: string) => {
      writeFileSync(join(images(root), 'logo-pvd.png'), png(900, 600));
      useInsteadOfToul(root, 'images/logo-pvd.png');
    }, "« images/logo-pvd.png » serait publiée sous le même nom, images/logo-pvd.png, que le logo du gabarit (images/logo-pvd.png) : l'une remplacerait l'autre. Renommez ce fichier."],
    ['a/toul.jpg beside images/toul.jpg', (root: string) => {
      mkdirSync(join(root, 'issues', '042', 'a'));
      writeFileSync(join(root, 'issues', '042', 'a', 'toul.jpg'), otherJpeg);
      editIssue(root, '042', (source) => source.replace('images/manosque.jpg', 'a/toul.jpg'));
    }, "« images/toul.jpg » serait publiée sous le même nom, images/toul.jpg, que « a/toul.jpg » (ligne 43) : l'une remplacerait l'autre. Renommez ce fichier."],
    ['names that differ only by case (one on a case-insensitive disk)', (root: string) => {
      mkdirSync(join(root, 'issues', '042', 'a'));
      writeFileSync(join(root, 'issues', '042', 'a', 'TOUL.JPG'), otherJpeg);
      editIssue(root, '042', (source) => source.replace('images/manosque.jpg', 'a/TOUL.JPG'));
    }, "« images/toul.jpg » serait publiée sous le même nom, images/toul.jpg, que « a/TOUL.JPG » (ligne 43) : l'une remplacerait l'autre. Renommez ce fichier."],
    ['names that differ only by Unicode composition (é and e + ◌́)', (root: string) => {
      writeFileSync(join(images(root), 'cite\u0301.jpg'), otherJpeg);
      writeFileSync(join(images(root), 'cit\u00e9.jpg'), JPEG);
      editIssue(root, '042', (source) => source.replace('images/manosque.jpg', 'images/cite\u0301.jpg').replace('images/toul.jpg', 'images/cit\u00e9.jpg'));
    }, '« images/cit\u00e9.jpg » serait publiée sous le même nom'],
  ])('%s: a located error, built with the rule off still refused', (_what, setup, message) => {
    const root = project();
    setup(root);
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain(`${TOUL}  erreur  image-name  ${message}`);
    rulesOff(root, ['image-name']);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${TOUL}  erreur  image-name`);
    expect(existsSync(join(root, 'out', '042'))).toBe(false);
  });

  it('one file written twice, or through a link inside the folder, is one image', () => {
    const root = project();
    symlinkSync('toul.jpg', join(images(root), 'meme-photo.jpg'));
    editIssue(root, '042', (source) => source.replace('images/manosque.jpg', 'images/./toul.jpg').replace('images/attigny.jpg', 'images/meme-photo.jpg'));
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect([lint.code, lint.stdout]).toEqual([0, '✔ 1 numéro vérifié, aucun problème\n']);
    const build = runPvd(['build', '42'], { cwd: root });
    expect(build.code, build.stderr).toBe(0);
    // Published once, under its own name.
    expect(readdirSync(join(root, 'out', '042', 'images'))).not.toContain('meme-photo.jpg');
    expect(readdirSync(join(root, 'out', '042', 'images'))).toContain('toul.jpg');
  });
});

describe('a picture over 1 MB', () => {
  const heavy = (bytes: number) => Buffer.concat([JPEG, Buffer.alloc(bytes - JPEG.length)]);
  it('is an error in a ready issue, with the size to reduce it to; a warning in a draft', () => {
    const root = project();
    writeFileSync(join(images(root), 'toul.jpg'), heavy(Math.round(5.6 * 1024 * 1024)));
    const expected = "L'image images/toul.jpg pèse 5,6 Mo, au-delà de la limite de 1 Mo : réduisez-la à 300 Ko au plus (JPEG qualité 80, 762 px de large suffisent).";
    const ready = runPvd(['lint', '42'], { cwd: root });
    expect(ready.code).toBe(1);
    expect(ready.stdout).toContain(`${TOUL}  erreur  image-weight  ${expected}`);
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(1);
    editIssue(root, '042', (source) => source.replace('status: ready', 'status: draft'));
    const draft = runPvd(['lint', '42'], { cwd: root });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toContain(`${TOUL}  avertissement  image-weight  ${expected}`);
  });

  it('under 1 MB but over 300 KB, stays the warning it was', () => {
    const root = project();
    writeFileSync(join(images(root), 'toul.jpg'), heavy(400 * 1024));
    const lint = runPvd(['lint', '42'], { cwd: root });
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain(`${TOUL}  avertissement  image-weight  L'image images/toul.jpg pèse 400 Ko (plus de 300 Ko)`);
  });
});
