import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { folderPath, parseDestination } from '../src/publish/destination.js';
import { algorithmsForTypes, fingerprint, lookUpKnownHost } from '../src/publish/known-hosts.js';
import { issueUrls, publishedUrl } from '../src/publish/layout.js';
import { emptyManifest, parseManifest, serializeManifest } from '../src/publish/manifest.js';
import { replaceFile, type RenameOperations } from '../src/publish/sftp.js';
import { parentFolders } from '../src/publish/transport.js';

const refusal = (run: () => unknown): { fr: string; en: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.text;
    throw error;
  }
  throw new Error('not refused');
};

describe('publish destinations', () => {
  it('reads a folder relative to the repository, or absolute', () => {
    expect(parseDestination('public', '/repo', path.posix)).toEqual({ kind: 'folder', path: '/repo/public', label: '/repo/public' });
    expect(parseDestination('  /var/www/lettre ', '/repo', path.posix)).toEqual({ kind: 'folder', path: '/var/www/lettre', label: '/var/www/lettre' });
  });

  it('reads Windows paths as folders: a drive letter is no URL scheme', () => {
    expect(parseDestination('C:\\www\\lettre', 'C:\\Users\\com\\lettre-pvd', path.win32)).toMatchObject({ kind: 'folder', path: 'C:\\www\\lettre' });
    expect(parseDestination('C://www/lettre', 'C:\\repo', path.win32)).toMatchObject({ kind: 'folder', path: 'C:\\www\\lettre' });
    expect(parseDestination('public', 'C:\\Users\\com\\lettre-pvd', path.win32)).toMatchObject({ kind: 'folder', path: 'C:\\Users\\com\\lettre-pvd\\public' });
    expect(parseDestination('\\\\serveur\\partage\\lettre', 'C:\\repo', path.win32)).toMatchObject({ kind: 'folder', path: '\\\\serveur\\partage\\lettre' });
    expect(folderPath('Z:\\lettre', '042/images/attigny.jpg', path.win32)).toBe('Z:\\lettre\\042\\images\\attigny.jpg');
  });

  it('refuses a folder that is or holds the sources, on Windows too', () => {
    expect(refusal(() => parseDestination('.', '/repo', path.posix)).fr).toBe("/repo est le dépôt de la lettre ou l'un de ses dossiers (issues/, templates/, out/, .git…) : publiez dans un dossier à part, par exemple « npx pvd publish --to public ».");
    expect(() => parseDestination('/', '/repo', path.posix)).toThrow(UsageError);
    expect(() => parseDestination('issues/042/site', '/repo', path.posix)).toThrow(UsageError);
    expect(() => parseDestination('templates', '/repo', path.posix)).toThrow(UsageError);
    expect(() => parseDestination('C:\\REPO\\issues', 'C:\\repo', path.win32)).toThrow(UsageError);
    expect(parseDestination('issues-publiees', '/repo', path.posix)).toMatchObject({ path: '/repo/issues-publiees' });
    // pvd's builds (a Brevo build replaced by the generic web version), git's folder, the tool's.
    for (const inside of ['out', 'out/site', '.git', '.git/hooks', 'node_modules/x', 'dist', 'C:\\repo\\OUT']) {
      expect(() => parseDestination(inside, inside.startsWith('C:') ? 'C:\\repo' : '/repo', inside.startsWith('C:') ? path.win32 : path.posix), inside).toThrow(UsageError);
    }
    expect(parseDestination('public', '/repo', path.posix)).toMatchObject({ path: '/repo/public' });
  });

  it('refuses a link to the sources as it refuses the sources: the disk decides', () => {
    const root = mkdtempSync(join(tmpdir(), 'pvd-test-'));
    try {
      mkdirSync(join(root, 'lettre', 'issues'), { recursive: true });
      symlinkSync(join(root, 'lettre', 'issues'), join(root, 'lien-vers-issues'));
      symlinkSync(join(root, 'lettre'), join(root, 'lien-vers-la-lettre'));
      for (const written of ['lien-vers-issues', 'lien-vers-issues/site', 'lien-vers-la-lettre/out', 'lien-vers-la-lettre/.git']) {
        expect(() => parseDestination(join(root, written), join(root, 'lettre')), written).toThrow(UsageError);
      }
      expect(parseDestination(join(root, 'lien-vers-la-lettre', 'public'), join(root, 'lettre'))).toMatchObject({ kind: 'folder' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads sftp:// addresses: user, server, port, absolute or home-relative path', () => {
    expect(parseDestination('sftp://lettre@web.example.fr/var/www/lettre-pvd', '/repo')).toEqual({
      kind: 'sftp', username: 'lettre', host: 'web.example.fr', port: 22, path: '/var/www/lettre-pvd', label: 'sftp://lettre@web.example.fr/var/www/lettre-pvd',
    });
    expect(parseDestination('SFTP://com@[::1]:2222/~/www', '/repo')).toMatchObject({ host: '::1', port: 2222, path: 'www', label: 'sftp://com@[::1]:2222/~/www' });
    expect(parseDestination('sftp://pr%C3%A9nom@host/site%20web', '/repo')).toMatchObject({ username: 'prénom', path: '/site web' });
  });

  it('refuses sftp:// addresses without a user or a folder, or with a password', () => {
    expect(refusal(() => parseDestination('sftp://web.example.fr/var/www', '/repo')).fr).toBe("« sftp://web.example.fr/var/www » : il manque l'utilisateur (avant « @ »). La forme attendue est sftp://utilisateur@serveur[:port]/chemin.");
    expect(refusal(() => parseDestination('sftp://lettre@web.example.fr', '/repo')).fr).toBe('« sftp://lettre@web.example.fr » : il manque le dossier du serveur où publier (après le serveur). La forme attendue est sftp://utilisateur@serveur[:port]/chemin.');
    expect(refusal(() => parseDestination('sftp://lettre:secret@web.example.fr/www', '/repo')).en).toBe('"sftp://lettre:secret@web.example.fr/www": do not put a password in the address: give it in the PVD_SFTP_PASSWORD environment variable. The expected form is sftp://user@server[:port]/path.');
  });

  it('refuses other protocols and an empty destination', () => {
    expect(refusal(() => parseDestination('ftp://web.example.fr/www', '/repo')).fr).toBe('« ftp://web.example.fr/www » : pvd ne publie pas en ftp://. Donnez un dossier (le dossier du site, un partage réseau monté, public/ pour une forge) ou une adresse sftp://utilisateur@serveur[:port]/chemin.');
    expect(refusal(() => parseDestination('https://example.fr/', '/repo')).en).toContain('pvd does not publish over https://.');
    expect(refusal(() => parseDestination('  ', '/repo')).fr).toBe('Destination vide : donnez un dossier ou une adresse sftp://utilisateur@serveur[:port]/chemin (--to, ou publish.to dans templates/pvd/template.yaml).');
  });
});

describe('publish layout', () => {
  it('gives each file the address the built HTML points at, a page as its folder', () => {
    const base = 'https://exemple.fr/lettre/';
    expect(publishedUrl(base, 'index.html')).toBe('https://exemple.fr/lettre/');
    expect(publishedUrl(base, '042/index.html')).toBe('https://exemple.fr/lettre/042/');
    expect(publishedUrl(base, '042/images/été à Toul.jpg')).toBe('https://exemple.fr/lettre/042/images/%C3%A9t%C3%A9%20%C3%A0%20Toul.jpg');
    expect(issueUrls(base, '042', ['images/a.jpg', 'images/b.png'])).toEqual(['https://exemple.fr/lettre/042/images/a.jpg', 'https://exemple.fr/lettre/042/images/b.png', 'https://exemple.fr/lettre/042/']);
    expect(parentFolders('042/images/a.jpg')).toEqual(['042', '042/images']);
  });
});

describe('known_hosts', () => {
  const key = randomBytes(51);
  const other = randomBytes(51);
  const line = (hosts: string, blob: Buffer, type = 'ssh-ed25519') => `${hosts} ${type} ${blob.toString('base64')}`;

  it('finds a host by name, by [host]:port off port 22, by pattern, and hashed', () => {
    expect(lookUpKnownHost([line('web.example.fr,192.0.2.1', key)], 'web.example.fr', 22).keys).toEqual([key]);
    expect(lookUpKnownHost([line('web.example.fr', key)], 'web.example.fr', 2222).keys).toEqual([]);
    expect(lookUpKnownHost([line('[web.example.fr]:2222', key)], 'WEB.example.fr', 2222).keys).toEqual([key]);
    expect(lookUpKnownHost([line('*.example.fr,!admin.example.fr', key)], 'web.example.fr', 22).keys).toEqual([key]);
    expect(lookUpKnownHost([line('*.example.fr,!admin.example.fr', key)], 'admin.example.fr', 22).keys).toEqual([]);
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[127.0.0.1]:2299').digest('base64')}`;
    expect(lookUpKnownHost([`# comment\r\n\r\n${line(hashed, key)}\r\n`], '127.0.0.1', 2299).keys).toEqual([key]);
    expect(lookUpKnownHost([line(hashed, key)], '127.0.0.1', 22).keys).toEqual([]);
  });

  it('keeps revoked keys apart, skips certificate authorities, and lists the key types', () => {
    const found = lookUpKnownHost([
      line('web.example.fr', key, 'ecdsa-sha2-nistp256'),
      `@revoked web.example.fr ssh-rsa ${other.toString('base64')}`,
      `@cert-authority *.example.fr ssh-ed25519 ${other.toString('base64')}`,
      line('web.example.fr', other, 'ssh-rsa'),
    ], 'web.example.fr', 22);
    expect(found).toEqual({ keys: [key, other], types: ['ecdsa-sha2-nistp256', 'ssh-rsa'], revoked: [other] });
    expect(algorithmsForTypes(found.types)).toEqual(['ecdsa-sha2-nistp256', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
    expect(algorithmsForTypes(['sk-ssh-ed25519@openssh.com'])).toEqual([]);
  });

  it('prints fingerprints as OpenSSH does', () => {
    // RFC 4648 base64 of SHA-256, padding removed: the form `ssh-keygen -l` prints.
    expect(fingerprint(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
  });
});

describe('the publication record', () => {
  it('round-trips, with sorted keys', () => {
    const manifest = emptyManifest();
    manifest.files['042/index.html'] = { sha256: 'b'.repeat(64), bytes: 12 };
    manifest.files['042/images/a.jpg'] = { sha256: 'a'.repeat(64), bytes: 3 };
    manifest.issues['042'] = { number: 42, date: '2024-12-16', subject: 'Rencontres', folderName: '042' };
    const text = serializeManifest(manifest);
    expect(Object.keys(JSON.parse(text).files)).toEqual(['042/images/a.jpg', '042/index.html']);
    expect(parseManifest(Buffer.from(text), 'x')).toEqual(manifest);
  });

  it('is refused when it is not what pvd writes', () => {
    for (const text of ['{', '[]', '{"pvd":2,"files":{},"issues":{}}', '{"pvd":1,"files":{"a":{"sha256":1}},"issues":{}}']) {
      const parsed = parseManifest(Buffer.from(text), '/site : .pvd-publication.json');
      expect(parsed).toMatchObject({ fr: "/site : .pvd-publication.json est illisible : ce n'est pas le registre qu'écrit pvd (modifié à la main ?). Rien n'a été publié. Restaurez-le, ou supprimez-le : pvd le récrira, en refusant de remplacer les fichiers qu'il ne reconnaît pas." });
    }
  });

  it('keeps a __proto__ path as a plain entry', () => {
    const parsed = parseManifest(Buffer.from('{"pvd":1,"files":{"__proto__":{"sha256":"x","bytes":1}},"issues":{}}'), 'x');
    expect(Object.keys((parsed as ReturnType<typeof emptyManifest>).files)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).sha256).toBeUndefined();
  });
});

describe('replacing a file over SFTP', () => {
  function fakeServer(options: { posixRename: boolean; files: string[] }) {
    const files = new Set(options.files);
    const calls: string[] = [];
    const sftp: RenameOperations = {
      async posixRename(from, to) {
        if (!options.posixRename) throw new Error('Server does not support this extended request');
        calls.push(`posix-rename ${from} ${to}`);
        files.delete(from);
        files.add(to);
      },
      async rename(from, to) {
        // SFTP v3: a rename never replaces an existing file.
        if (files.has(to)) throw new Error('Failure');
        calls.push(`rename ${from} ${to}`);
        files.delete(from);
        files.add(to);
      },
      async exists(path) {
        return files.has(path) ? '-' : false;
      },
      async delete(path) {
        calls.push(`delete ${path}`);
        files.delete(path);
      },
    };
    return { sftp, calls, files };
  }

  it('uses posix-rename in one step where the server has it', async () => {
    const server = fakeServer({ posixRename: true, files: ['/w/.p.tmp', '/w/p'] });
    expect(await replaceFile(server.sftp, '/w/.p.tmp', '/w/p', true)).toBe(true);
    expect(server.calls).toEqual(['posix-rename /w/.p.tmp /w/p']);
  });

  it('elsewhere moves the old file aside, renames the new one in, then removes the old one', async () => {
    const server = fakeServer({ posixRename: false, files: ['/w/.p.tmp', '/w/p'] });
    expect(await replaceFile(server.sftp, '/w/.p.tmp', '/w/p', true)).toBe(false);
    expect(server.calls).toEqual(['rename /w/p /w/.p.tmp.old', 'rename /w/.p.tmp /w/p', 'delete /w/.p.tmp.old']);
    expect([...server.files]).toEqual(['/w/p']);
    const fresh = fakeServer({ posixRename: false, files: ['/w/.q.tmp'] });
    await replaceFile(fresh.sftp, '/w/.q.tmp', '/w/q', false);
    expect(fresh.calls).toEqual(['rename /w/.q.tmp /w/q']);
  });
});
