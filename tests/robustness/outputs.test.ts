import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { addToIssueFolder } from '../../src/io/output-folder.js';
import { renderArchive } from '../../src/render/archive.js';
import { loadTemplate } from '../../src/template/load.js';
import { editIssue, makeProject, PVD, runPvd, type PvdRun } from '../helpers.js';
import { inProcessBuilder, publishedFiles, STACK_TRACE, treeSnapshot } from './support.js';

/**
 * Issue 10 point 1 and issue 12 items 1 and 14: out/ is a website made of real folders;
 * pvd replaces only what it wrote (each out/NNN lists its files in .pvd-manifest.json);
 * it never writes into the sources; and every refusal of the system is a French message
 * naming the path, exit 2.
 */
const projects: string[] = [];
const project = (): string => {
  const root = makeProject();
  projects.push(root);
  return root;
};
afterAll(() => {
  for (const root of projects) {
    spawnSync('chmod', ['-R', 'u+rwX', root]);
    rmSync(root, { recursive: true, force: true });
  }
});

/** What a refusal must never look like: a crash report, or the system's English. */
function expectPlainRefusal(run: PvdRun): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/erreur inattendue|signalez/);
  expect(run.stderr).not.toMatch(/\b(EACCES|EPERM|EROFS|ENOSPC|ENOENT|ENOTDIR|EEXIST|ENOTEMPTY|ELOOP)\b|permission denied|no space left|read-only file system/i);
}

describe('out/ is a website, publishable as is', () => {
  it('holds real folders and files: no symbolic link, no junction; out/index.html is the archive', () => {
    const root = project();
    expect(runPvd(['build', '--all'], { cwd: root }).code).toBe(0);
    const links: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        const stat = lstatSync(path);
        if (stat.isSymbolicLink()) links.push(path);
        else if (stat.isDirectory()) walk(path);
      }
    };
    walk(join(root, 'out'));
    expect(links).toEqual([]);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['.pvd', '.pvd-manifest.json', '042', 'index.html']);
    expect(readdirSync(join(root, 'out', '.pvd'))).toEqual([]);
    expect(readFileSync(join(root, 'out', 'index.html'), 'utf8')).toContain('<a href="042/index.html">');
    expect(readdirSync(join(root, 'out', '042')).sort()).toEqual(['.pvd-manifest.json', 'images', 'index.html', 'index.txt', 'issue.eml']);
  });

  it('lists in out/042/.pvd-manifest.json every file pvd wrote there, with its size and hash', () => {
    const root = project();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, 'out', '042', '.pvd-manifest.json'), 'utf8')) as { format: string; added: string[]; files: Record<string, { bytes: number; sha256: string }> };
    const published = publishedFiles(join(root, 'out', '042'))!;
    delete published['.pvd-manifest.json'];
    expect(manifest.format).toBe('pvd-output-1');
    expect(manifest.added).toEqual([]);
    expect(Object.fromEntries(Object.entries(manifest.files).map(([path, entry]) => [path, entry.sha256]))).toEqual(published);
    expect(manifest.files['images/toul.jpg']!.bytes).toBe(readFileSync(join(root, 'issues', '042', 'images', 'toul.jpg')).length);
  });
});

describe('a swap a killed pvd left half-done', () => {
  it('is completed by the next build, whichever issue it builds', () => {
    const root = makeProject();
    cpSync(join(root, 'issues', '042'), join(root, 'issues', '043'), { recursive: true });
    editIssue(root, '043', (source) => source.replace('number: 42', 'number: 43'));
    expect(runPvd(['build', '42', '43'], { cwd: root }).code).toBe(0);
    const before = publishedFiles(join(root, 'out', '043'));
    // Killed between the two renames of a rebuild of 43: the complete previous version waits in .pvd/.
    renameSync(join(root, 'out', '043'), join(root, 'out', '.pvd', '043.old-0123456789abcdef'));
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    expect(publishedFiles(join(root, 'out', '043'))).toEqual(before);
    expect(readdirSync(join(root, 'out', '.pvd')).filter((name) => name.startsWith('043.'))).toEqual([]);
  });
});

describe('--out-dir never is, holds or sits inside the sources', () => {
  const cases: [string, (root: string) => void, RegExp][] = [
    ['issues', () => {}, /: c'est le dossier des numéros \(issues\/\)\./],
    ['issues/042', () => {}, /: ce dossier est à l'intérieur du dossier des numéros \(issues\/\)\./],
    ['issues/042/images/nouveau', () => {}, /: ce dossier est à l'intérieur du dossier des numéros \(issues\/\)\./],
    ['./issues/', () => {}, /: c'est le dossier des numéros \(issues\/\)\./],
    ['out/../issues', () => {}, /: c'est le dossier des numéros \(issues\/\)\./],
    ['templates', () => {}, /: c'est le dossier du gabarit \(templates\/\)\./],
    ['templates/pvd', () => {}, /: ce dossier est à l'intérieur du dossier du gabarit \(templates\/\)\./],
    ['.', () => {}, /: c'est le dossier de la lettre lui-même\./],
    ['..', () => {}, /: ce dossier contient le dossier de la lettre\./],
    ['/', () => {}, /: ce dossier contient le dossier de la lettre\./],
    ['.git', (root) => mkdirSync(join(root, '.git')), /: c'est le dossier de l'historique git \(\.git\/\)\./],
    ['sorties', (root) => symlinkSync('issues', join(root, 'sorties')), /: c'est le dossier des numéros \(issues\/\)\./],
    ['sorties/nouveau', (root) => symlinkSync(join('templates', 'pvd'), join(root, 'sorties')), /: ce dossier est à l'intérieur du dossier du gabarit \(templates\/\)\./],
    ['lettre', (root) => symlinkSync('.', join(root, 'lettre')), /: c'est le dossier de la lettre lui-même\./],
  ];
  it.each(cases)('--out-dir %s: exit 2, named, nothing written nor deleted', (outDir, setup, expected) => {
    const root = project();
    setup(root);
    const sources = treeSnapshot(join(root, 'issues')) + treeSnapshot(join(root, 'templates'));
    const run = runPvd(['build', '42', '--out-dir', outDir], { cwd: root });
    expectPlainRefusal(run);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toMatch(/^pvd : --out-dir .* pvd n'y écrit pas ses sorties, pour ne rien effacer des sources\. Choisissez un autre dossier, par exemple « --out-dir out »\.\n$/);
    expect(treeSnapshot(join(root, 'issues')) + treeSnapshot(join(root, 'templates'))).toBe(sources);
    expect(existsSync(join(root, 'issues', '042', 'images', 'nouveau'))).toBe(false);
  });

  it('says it exactly, in French and in English', () => {
    const root = project();
    expect(runPvd(['build', '42', '--out-dir', 'issues'], { cwd: root }).stderr).toBe("pvd : --out-dir issues : c'est le dossier des numéros (issues/). pvd n'y écrit pas ses sorties, pour ne rien effacer des sources. Choisissez un autre dossier, par exemple « --out-dir out ».\n");
    expect(runPvd(['build', '--all', '--out-dir', 'issues', '--lang', 'en'], { cwd: root }).stderr).toBe('pvd: --out-dir issues: it is the issues folder (issues/). pvd does not write its outputs there, so that nothing of the sources is lost. Choose another folder, for instance "--out-dir out".\n');
  });

  test.skipIf(process.platform === 'linux')('a case-insensitive spelling (ISSUES) is the same folder', () => {
    const root = project();
    expectPlainRefusal(runPvd(['build', '42', '--out-dir', 'ISSUES'], { cwd: root }));
  });
  if (process.platform === 'linux') console.log('Linux: the case-insensitive spelling of --out-dir (ISSUES) is tested on macOS and Windows only (the folders are compared by device and inode, whatever their spelling).');

  it('accepts out/ inside the project, and a folder outside it', () => {
    const root = project();
    expect(runPvd(['build', '42', '--out-dir', 'publication/lettre'], { cwd: root }).code).toBe(0);
    const outside = project();
    expect(runPvd(['build', '42', '--out-dir', join(outside, 'site')], { cwd: root }).code).toBe(0);
    expect(existsSync(join(outside, 'site', '042', 'index.html'))).toBe(true);
  });
});

describe('pvd replaces only what it made', () => {
  const built = () => {
    const root = project();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    // The next build has something new to publish.
    editIssue(root, '042', (source) => source.replace('Chaque mois, retrouvez', 'Chaque mois, découvrez'));
    return root;
  };
  const cases: [string, (out: string) => void, string][] = [
    ['a file of the user in out/042', (out) => writeFileSync(join(out, '042', 'notes.txt'), 'mes notes'), "out/042/notes.txt n'a pas été écrit par pvd"],
    ['a folder of the user in out/042', (out) => mkdirSync(join(out, '042', 'perso')), "out/042/perso est un dossier que pvd n'a pas créé"],
    ['a file of the user in out/042/images', (out) => writeFileSync(join(out, '042', 'images', 'a-moi.jpg'), 'x'), "out/042/images/a-moi.jpg n'a pas été écrit par pvd"],
    ['a page pvd wrote, edited since', (out) => writeFileSync(join(out, '042', 'index.html'), '<p>retouchée</p>'), "out/042/index.html a été modifié depuis que pvd l'a écrit"],
    ['an image pvd copied, replaced by one of the same size', (out) => {
      const path = join(out, '042', 'images', 'toul.jpg');
      const bytes = readFileSync(path);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
      writeFileSync(path, bytes);
    }, "out/042/images/toul.jpg a été modifié depuis que pvd l'a écrit"],
    ['out/042 without its manifest', (out) => unlinkSync(join(out, '042', '.pvd-manifest.json')), "out/042 n'a pas été produit par pvd (il n'a pas de fichier .pvd-manifest.json)"],
    ['a folder of the user at out/042', (out) => {
      rmSync(join(out, '042'), { recursive: true });
      mkdirSync(join(out, '042'));
      writeFileSync(join(out, '042', 'photo.jpg'), 'à moi');
    }, "out/042 n'a pas été produit par pvd (il n'a pas de fichier .pvd-manifest.json)"],
    ['a file of the user at out/042', (out) => {
      rmSync(join(out, '042'), { recursive: true });
      writeFileSync(join(out, '042'), 'à moi');
    }, "out/042 est un fichier que pvd n'a pas écrit"],
    ['a link of the user at out/042', (out) => {
      rmSync(join(out, '042'), { recursive: true });
      mkdirSync(join(out, 'ailleurs'));
      symlinkSync('ailleurs', join(out, '042'));
    }, "out/042 est un lien symbolique que pvd n'a pas créé"],
  ];
  it.each(cases)('%s: exit 2, named, everything left as it was', (_what, change, start) => {
    const root = built();
    const out = join(root, 'out');
    change(out);
    const before = treeSnapshot(out);
    const run = runPvd(['build', '42'], { cwd: root });
    expectPlainRefusal(run);
    const shown = start.split(' ')[0]!;
    expect(run.stderr).toBe(`pvd : ${start} : pvd ne remplace ni n'efface ce qu'il n'a pas créé. Déplacez ou renommez ${shown}, puis relancez la commande (ou choisissez un autre dossier avec --out-dir).\n`);
    expect(treeSnapshot(out)).toBe(before);
  });

  it('says so in English with --lang en', () => {
    const root = built();
    writeFileSync(join(root, 'out', '042', 'notes.txt'), 'mes notes');
    expect(runPvd(['build', '42', '--lang', 'en'], { cwd: root }).stderr).toBe('pvd: out/042/notes.txt was not written by pvd: pvd never replaces or deletes what it did not create. Move or rename out/042/notes.txt, then run the command again (or choose another folder with --out-dir).\n');
  });

  it('refuses an out/index.html it did not write, and one edited since', () => {
    const root = project();
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'out', 'index.html'), '<p>Notre page</p>');
    const run = runPvd(['build', '--all'], { cwd: root });
    expectPlainRefusal(run);
    expect(run.stderr).toBe("pvd : out/index.html n'a pas été écrit par pvd : pvd ne remplace ni n'efface ce qu'il n'a pas créé. Déplacez ou renommez out/index.html, puis relancez la commande (ou choisissez un autre dossier avec --out-dir).\n");
    expect(readFileSync(join(root, 'out', 'index.html'), 'utf8')).toBe('<p>Notre page</p>');

    rmSync(join(root, 'out', 'index.html'));
    expect(runPvd(['build', '--all'], { cwd: root }).code).toBe(0);
    writeFileSync(join(root, 'out', 'index.html'), '<p>retouchée</p>');
    const edited = runPvd(['build', '--all'], { cwd: root });
    expectPlainRefusal(edited);
    expect(edited.stderr).toMatch(/^pvd : out\/index\.html a été modifié depuis que pvd l'a écrit/);
  });

  it('takes over what an earlier pvd wrote: out/042 as a link to .042.<hash>, an archive without manifest', () => {
    const root = project();
    const out = join(root, 'out');
    // The layout pvd 0.1 left: a hidden version folder, a link to it, a folder it had moved aside.
    mkdirSync(join(out, '.042.0123456789abcdef', 'images'), { recursive: true });
    writeFileSync(join(out, '.042.0123456789abcdef', 'index.html'), '<p>ancienne</p>');
    symlinkSync('.042.0123456789abcdef', join(out, '042'), 'dir');
    mkdirSync(join(out, '.042.previous-0a1b2c3d'));
    writeFileSync(join(out, '.042.previous-0a1b2c3d', 'notes.txt'), 'sauvé');
    const template = loadTemplate(root);
    writeFileSync(join(out, 'index.html'), renderArchive([{ number: 41, date: '2024-11-18', subject: 'Ancien numéro', folderName: '041' }], template));

    expect(runPvd(['build', '--all'], { cwd: root }).code).toBe(0);
    expect(lstatSync(join(out, '042')).isDirectory()).toBe(true);
    expect(readFileSync(join(out, '042', 'index.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="042/index.html">');
    // Its old version folder goes; what it had moved aside, maybe someone's, stays.
    expect(readdirSync(out).sort()).toEqual(['.042.previous-0a1b2c3d', '.pvd', '.pvd-manifest.json', '042', 'index.html']);
    expect(readFileSync(join(out, '.042.previous-0a1b2c3d', 'notes.txt'), 'utf8')).toBe('sauvé');
  });

  it('refuses a page that only resembles its old archive', () => {
    const root = project();
    mkdirSync(join(root, 'out'));
    const template = loadTemplate(root);
    const archive = renderArchive([], template).replace('</main>', '<p>Ajout à la main</p>\n</main>');
    writeFileSync(join(root, 'out', 'index.html'), archive);
    expectPlainRefusal(runPvd(['build', '--all'], { cwd: root }));
    expect(readFileSync(join(root, 'out', 'index.html'), 'utf8')).toBe(archive);
  });
});

describe('everyday I/O: a French message naming the path, exit 2', () => {
  it('--out-dir /dev/null', () => {
    const run = runPvd(['build', '42', '--out-dir', '/dev/null'], { cwd: project() });
    expectPlainRefusal(run);
    expect(run.stderr).toBe("pvd : --out-dir /dev/null : /dev/null n'est pas un dossier. Choisissez un dossier, par exemple « --out-dir out ».\n");
  });

  it('--out-dir /proc/x ends at once (Node\'s recursive mkdir loops there for ever)', () => {
    const run = runPvd(['build', '42', '--out-dir', '/proc/x'], { cwd: project(), timeout: 30_000 });
    expect(run.signal).toBeNull();
    expectPlainRefusal(run);
    expect(run.stderr).toBe('pvd : Impossible de créer le dossier /proc/x : le système ne permet pas de créer de fichier ou de dossier à cet endroit. Choisissez un autre dossier avec --out-dir.\n');
  });

  it('a dangling out link', () => {
    const root = project();
    symlinkSync('disque-absent/lettre', join(root, 'out'));
    const run = runPvd(['build', '42'], { cwd: root });
    expectPlainRefusal(run);
    expect(run.stderr).toBe("pvd : --out-dir out : out est un lien symbolique vers disque-absent/lettre, qui n'existe pas. Recréez ce dossier, ou supprimez le lien pour que pvd crée un vrai dossier.\n");
  });

  it('a file where a folder of the path should be', () => {
    const root = project();
    writeFileSync(join(root, 'sorties'), 'un fichier');
    const run = runPvd(['build', '42', '--out-dir', 'sorties/lettre'], { cwd: root });
    expectPlainRefusal(run);
    expect(run.stderr).toBe("pvd : Impossible de créer le dossier sorties/lettre : un élément de ce chemin est un fichier, pas un dossier. Choisissez un autre dossier avec --out-dir.\n");
  });

  const asNobody = process.getuid?.() === 0;
  test.skipIf(!asNobody)('an out/ the user may not write to (EACCES)', () => {
    const root = project();
    expect(runPvd(['build', '42'], { cwd: root }).code).toBe(0);
    editIssue(root, '042', (source) => source.replace('Chaque mois, retrouvez', 'Chaque mois, découvrez'));
    spawnSync('chmod', ['-R', 'a+rX', root]);
    const before = treeSnapshot(join(root, 'out'));
    // As root, permissions are not enforced: run pvd as "nobody", who may read but not write.
    const result = spawnSync(process.execPath, [PVD, 'build', '42'], { cwd: root, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PVD_LANG: '' } });
    const run = { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
    expectPlainRefusal(run);
    expect(run.stderr).toBe('pvd : Impossible de réserver out/042 pour l\'écrire : permission refusée. Vérifiez les droits sur ce dossier, ou choisissez-en un autre avec --out-dir.\n');
    expect(treeSnapshot(join(root, 'out'))).toBe(before);
  });
  if (!asNobody) console.log('Not root: the EACCES test (pvd run as "nobody") is skipped.');

  /** Runs a shell script in a private mount namespace, where the test may mount a small or read-only disk. */
  const inMountNamespace = (script: string, root: string) => {
    const result = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, 'sh', process.execPath, PVD], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PVD_LANG: '' } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
  };
  // A folder of its own: other runs of the suite may probe at the same time.
  const probeFolder = mkdtempSync(join(tmpdir(), 'pvd-test-probe-'));
  const probe = spawnSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', probeFolder], { encoding: 'utf8' });
  rmSync(probeFolder, { recursive: true, force: true });
  const canMount = probe.status === 0;
  if (!canMount) console.log(`unshare/mount unavailable (${probe.error?.message ?? probe.stderr.trim()}): the read-only and full-disk tests are skipped.`);

  test.skipIf(!canMount)('a read-only disk (EROFS), the previous out/042 intact', () => {
    const root = project();
    mkdirSync(join(root, 'out'));
    // Build once on a small disk, make it read-only, then build a changed issue.
    const run = inMountNamespace([
      'mount -t tmpfs -o size=4m tmpfs out',
      '"$1" "$2" build 42 > /dev/null || exit 99',
      'sed -i "s/Chaque mois, retrouvez/Chaque mois, découvrez/" issues/042/issue.md',
      'mount -o remount,ro out',
      'ls -laR out > before.txt',
      '"$1" "$2" build 42; code=$?',
      'ls -laR out > after.txt',
      'exit $code',
    ].join('\n'), root);
    expectPlainRefusal(run);
    expect(run.stderr).toBe('pvd : Impossible de réserver out/042 pour l\'écrire : le disque est en lecture seule. Choisissez un dossier sur un disque modifiable avec --out-dir.\n');
    expect(readFileSync(join(root, 'after.txt'), 'utf8')).toBe(readFileSync(join(root, 'before.txt'), 'utf8'));
  });

  test.skipIf(!canMount)('a full disk (ENOSPC): the previous out/042 intact, nothing half-written left', () => {
    const root = project();
    mkdirSync(join(root, 'out'));
    // Room for one build of #42 (≈ 600 KB), not for a second one beside it.
    const run = inMountNamespace([
      'mount -t tmpfs -o size=900k tmpfs out',
      '"$1" "$2" build 42 > /dev/null || exit 99',
      'sed -i "s/Chaque mois, retrouvez/Chaque mois, découvrez/" issues/042/issue.md',
      'sha256sum out/042/index.html out/042/images/toul.jpg > before.txt',
      '"$1" "$2" build 42; code=$?',
      'sha256sum out/042/index.html out/042/images/toul.jpg > after.txt',
      'ls -a out/.pvd > leftovers.txt',
      'exit $code',
    ].join('\n'), root);
    expectPlainRefusal(run);
    expect(run.stderr).toMatch(/^pvd : Impossible d'écrire out\/042\/[^ ]+ : le disque est plein\. Libérez de la place, puis relancez la commande\.\n$/);
    expect(readFileSync(join(root, 'after.txt'), 'utf8')).toBe(readFileSync(join(root, 'before.txt'), 'utf8'));
    expect(readFileSync(join(root, 'leftovers.txt'), 'utf8')).toBe('.\n..\n');
  });

  test.skipIf(!canMount)('a full disk, in English', () => {
    const root = project();
    mkdirSync(join(root, 'out'));
    const run = inMountNamespace('mount -t tmpfs -o size=200k tmpfs out && "$1" "$2" build 42 --lang en', root);
    expectPlainRefusal(run);
    expect(run.stderr).toMatch(/^pvd: Cannot write out\/042\/[^ ]+: the disk is full\. Free some space, then run the command again\.\n$/);
  });
});

describe('a file pvd wrote, removed by hand from out/042', () => {
  it('is written again by the next build of the unchanged issue, which says it changed', async () => {
    const root = project();
    const builder = inProcessBuilder(root);
    const path = join(root, 'issues', '042', 'issue.md');
    expect((await builder.build(path)).output!.changed).toBe(true);
    const folder = join(builder.outDir, '042');
    const text = readFileSync(join(folder, 'index.txt'));
    const picture = readFileSync(join(folder, 'images', 'toul.jpg'));
    rmSync(join(folder, 'index.txt'));
    rmSync(join(folder, 'images', 'toul.jpg'));
    expect((await builder.build(path)).output!.changed).toBe(true);
    expect(readFileSync(join(folder, 'index.txt')).equals(text)).toBe(true);
    expect(readFileSync(join(folder, 'images', 'toul.jpg')).equals(picture)).toBe(true);
    expect((await builder.build(path)).output!.changed).toBe(false);
  });

  it('is not carried by pvd check\'s subfolder, and comes back with the next build', async () => {
    const root = project();
    const builder = inProcessBuilder(root);
    const path = join(root, 'issues', '042', 'issue.md');
    await builder.build(path);
    const folder = join(builder.outDir, '042');
    rmSync(join(folder, 'index.txt'));
    addToIssueFolder(builder.outDir, '042', 'inbox', [{ path: 'inbox/index.html', content: '<p>Planche</p>' }]);
    expect(existsSync(join(folder, 'inbox', 'index.html'))).toBe(true);
    expect((await builder.build(path)).output!.changed).toBe(true);
    expect(existsSync(join(folder, 'index.txt'))).toBe(true);
  });
});

describe('another pvd command adds its own subfolder to out/NNN (pvd check\'s inbox/)', () => {
  const sheet = [
    { path: 'inbox/index.html', content: '<p>Planche contact</p>' },
    { path: 'inbox/gmail-320.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]) },
  ];

  it('under the manifest: kept by an unchanged build, dropped by a changed one', async () => {
    const root = project();
    const builder = inProcessBuilder(root);
    const path = join(root, 'issues', '042', 'issue.md');
    expect((await builder.build(path)).output!.changed).toBe(true);
    addToIssueFolder(builder.outDir, '042', 'inbox', sheet);
    const folder = join(builder.outDir, '042');
    expect(readFileSync(join(folder, 'inbox', 'index.html'), 'utf8')).toBe('<p>Planche contact</p>');
    const manifest = JSON.parse(readFileSync(join(folder, '.pvd-manifest.json'), 'utf8')) as { added: string[]; files: Record<string, unknown> };
    expect(manifest.added).toEqual(['inbox']);
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['inbox/index.html', 'inbox/gmail-320.png', 'index.html']));
    // Replaced whole by the next one.
    addToIssueFolder(builder.outDir, '042', 'inbox', [sheet[0]!]);
    expect(readdirSync(join(folder, 'inbox'))).toEqual(['index.html']);
    // The issue unchanged: the contact sheet still describes it.
    expect((await builder.build(path)).output!.changed).toBe(false);
    expect(existsSync(join(folder, 'inbox', 'index.html'))).toBe(true);
    // Changed: the sheet showed the previous version, and goes.
    editIssue(root, '042', (source) => source.replace('Chaque mois, retrouvez', 'Chaque mois, découvrez'));
    expect((await builder.build(path)).output!.changed).toBe(true);
    expect(existsSync(join(folder, 'inbox'))).toBe(false);
    expect(readdirSync(join(builder.outDir, '.pvd'))).toEqual([]);
  });

  it('refuses before a build, and beside a file pvd did not write', async () => {
    const root = project();
    const builder = inProcessBuilder(root);
    expect(() => addToIssueFolder(builder.outDir, '042', 'inbox', sheet)).toThrow(expect.objectContaining({ text: {
      fr: `${join(builder.outDir, '042')} n'est pas encore produit par cette version de pvd : lancez d'abord « npx pvd build 42 ».`,
      en: `${join(builder.outDir, '042')} has not been built by this version of pvd yet: run "npx pvd build 42" first.`,
    } }));
    await builder.build(join(root, 'issues', '042', 'issue.md'));
    writeFileSync(join(builder.outDir, '042', 'notes.txt'), 'à moi');
    expect(() => addToIssueFolder(builder.outDir, '042', 'inbox', sheet)).toThrow(/out\/042\/notes\.txt was not written by pvd/);
    expect(existsSync(join(builder.outDir, '042', 'inbox'))).toBe(false);
    expect(() => addToIssueFolder(builder.outDir, '042', 'inbox', [{ path: 'index.html', content: 'x' }])).toThrow(/must lie under one subfolder/);
  });
});
