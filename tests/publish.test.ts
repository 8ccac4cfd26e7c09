import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editIssue, makeProject, positionIn, runPvd } from './helpers.js';
import { runPvdAsync, serveFolder, serveNothing, serveStatus, setPublicBaseUrl, tempFolder, type TestHttp } from './publish-servers.js';

const IMAGES = ['attigny.jpg', 'barometre-afl.jpg', 'commentry.jpg', 'lassay.jpg', 'livret-banque-des-territoires.jpg', 'logo-pvd.png', 'manosque.jpg', 'mobiliscope.jpg', 'toul.jpg', 'tramayes.jpg'];

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A copy of #42 as another issue. */
function addIssue(root: string, number: number, status: 'ready' | 'draft' = 'ready'): void {
  const folder = String(number).padStart(3, '0');
  cpSync(join(root, 'issues', '042'), join(root, 'issues', folder), { recursive: true });
  editIssue(root, folder, (source) => source.replace(/^number: 42$/m, `number: ${number}`).replace(/^status: .*$/m, `status: ${status}`));
}

/** A repository copy with #42 (and the issues asked for), a destination folder and a web server serving it at publicBaseUrl. */
async function setUp(options: { issues?: number[]; server?: (site: string) => Promise<TestHttp> } = {}) {
  const root = makeProject();
  const site = join(tempFolder('site'), 'lettre');
  for (const number of options.issues ?? []) addIssue(root, number);
  const http = await (options.server ?? serveFolder)(site);
  setPublicBaseUrl(root, http.base);
  cleanups.push(() => rmSync(root, { recursive: true, force: true }), () => rmSync(join(site, '..'), { recursive: true, force: true }), () => http.close());
  const publish = (...args: string[]) => runPvdAsync(['publish', ...args], { cwd: root });
  return { root, site, http, publish };
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const mtimes = (site: string) => Object.fromEntries(listFiles(site).map((file) => [file, statSync(join(site, file)).mtimeMs]));

describe('npx pvd publish --to <folder>', () => {
  it('publishes every ready issue, its images and the archive, laid out as publicBaseUrl serves them, then finds them online', async () => {
    const { root, site, http, publish } = await setUp({ issues: [43] });
    addIssue(root, 44, 'draft');
    const result = await publish('--to', site);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      `Publication vers ${site}`,
      '✔ n° 42 (042/) : 11 fichier(s) envoyé(s), 0 inchangé(s)',
      '✔ n° 43 (043/) : 11 fichier(s) envoyé(s), 0 inchangé(s)',
      '✔ archive (index.html) : 2 numéro(s)',
      `✔ en ligne : les 23 pages et images répondent sous ${http.base}`,
      '',
    ].join('\n'));
    expect(result.code).toBe(0);
    expect(listFiles(site)).toEqual([
      '.pvd-publication.json',
      ...IMAGES.map((image) => `042/images/${image}`), '042/index.html',
      ...IMAGES.map((image) => `043/images/${image}`), '043/index.html',
      'index.html',
    ].sort());
    // The web version is exactly the generic build, and the images are the issue's bytes.
    expect(readFileSync(join(site, '042', 'index.html'), 'utf8')).toBe(runPvd(['build', '42', '--stdout', 'html'], { cwd: root }).stdout);
    expect(readFileSync(join(site, '042', 'images', 'attigny.jpg'))).toEqual(readFileSync(join(root, 'issues', '042', 'images', 'attigny.jpg')));
    expect(readFileSync(join(site, '042', 'images', 'logo-pvd.png'))).toEqual(readFileSync(join(root, 'templates', 'pvd', 'images', 'logo-pvd.png')));
    const archive = readFileSync(join(site, 'index.html'), 'utf8');
    expect([...archive.matchAll(/<a href="([^"]+)">/g)].map((match) => match[1])).toEqual(['043/index.html', '042/index.html']);
    expect(listFiles(site).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('asks the web server for exactly the images the email points at, each page, and the archive', async () => {
    const { root, site, http, publish } = await setUp();
    expect((await publish('42', '--to', site)).code).toBe(0);
    const html = runPvd(['build', '42', '--stdout', 'html'], { cwd: root }).stdout;
    const pointedAt = [...new Set([...html.matchAll(/src="([^"]+)"/g)].map((match) => match[1]!))].filter((url) => url.startsWith(http.base));
    expect(pointedAt).toHaveLength(10);
    const asked = http.requests.map((request) => request.replace(/^HEAD \/lettre\//, http.base));
    expect(asked.sort()).toEqual([...pointedAt, `${http.base}042/`, http.base].sort());
  });

  it('sends nothing the second time, and then only what changed', async () => {
    const { root, site, publish } = await setUp({ issues: [43] });
    expect((await publish('--to', site)).code).toBe(0);
    const first = mtimes(site);
    const again = await publish('--to', site);
    expect(again.stdout.split('\n').slice(1, 4)).toEqual(['✔ n° 42 (042/) : déjà publié, inchangé', '✔ n° 43 (043/) : déjà publié, inchangé', '✔ archive (index.html) : inchangée']);
    expect(mtimes(site)).toEqual(first);

    editIssue(root, '043', (source) => source.replace(/^subject: .*$/m, 'subject: "Vœux 2025"'));
    const changed = await publish('--to', site);
    expect(changed.code).toBe(0);
    expect(changed.stdout.split('\n').slice(1, 4)).toEqual(['✔ n° 42 (042/) : déjà publié, inchangé', '✔ n° 43 (043/) : 1 fichier(s) envoyé(s), 10 inchangé(s)', '✔ archive (index.html) : 2 numéro(s)']);
    const after = mtimes(site);
    const rewritten = Object.keys(after).filter((file) => after[file] !== first[file]).sort();
    expect(rewritten).toEqual(['.pvd-publication.json', '043/index.html', 'index.html']);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<span class="subject">Vœux 2025</span>');
  });

  it('keeps the issues it published before in the archive when it publishes one issue', async () => {
    const { site, publish } = await setUp({ issues: [43] });
    expect((await publish('42', '--to', site)).code).toBe(0);
    const second = await publish('43', '--to', site);
    expect(second.stdout.split('\n')[2]).toBe('✔ archive (index.html) : 2 numéro(s)');
    const archive = readFileSync(join(site, 'index.html'), 'utf8');
    expect([...archive.matchAll(/<a href="([^"]+)">/g)].map((match) => match[1])).toEqual(['043/index.html', '042/index.html']);
  });

  it('never deletes nor changes what it did not publish', async () => {
    const { site, publish } = await setUp();
    mkdirSync(join(site, 'autre'), { recursive: true });
    mkdirSync(join(site, '042'), { recursive: true });
    writeFileSync(join(site, 'robots.txt'), 'User-agent: *\n');
    writeFileSync(join(site, 'autre', 'page.html'), '<p>autre site</p>');
    writeFileSync(join(site, '042', 'notes.txt'), 'notes');
    expect((await publish('--to', site)).code).toBe(0);
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toBe('User-agent: *\n');
    expect(readFileSync(join(site, 'autre', 'page.html'), 'utf8')).toBe('<p>autre site</p>');
    expect(readFileSync(join(site, '042', 'notes.txt'), 'utf8')).toBe('notes');
  });

  it('refuses to replace a file it did not publish, and then sends nothing at all', async () => {
    const { site, publish } = await setUp();
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), '<h1>Le site de la mairie</h1>');
    const result = await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : Rien n'a été publié : ${site} contient déjà index.html, que pvd n'y a pas publié et qui diffère de ce qu'il publierait. pvd ne remplace pas un fichier qui n'est pas le sien. Si ce sont d'anciennes copies de la lettre, déplacez-les vous-même puis relancez ; sinon publiez dans un dossier à part (par exemple ${join(site, 'lettre')}) et adaptez publicBaseUrl.\n`);
    expect(listFiles(site)).toEqual(['index.html']);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toBe('<h1>Le site de la mairie</h1>');
  });

  it('takes over a file already identical to what it publishes (an earlier copy of out/)', async () => {
    const { root, site, publish } = await setUp();
    mkdirSync(join(site, '042', 'images'), { recursive: true });
    cpSync(join(root, 'issues', '042', 'images', 'toul.jpg'), join(site, '042', 'images', 'toul.jpg'));
    const result = await publish('--to', site);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[1]).toBe('✔ n° 42 (042/) : 10 fichier(s) envoyé(s), 1 inchangé(s)');
    expect(JSON.parse(readFileSync(join(site, '.pvd-publication.json'), 'utf8')).files['042/images/toul.jpg'].bytes).toBe(statSync(join(site, '042', 'images', 'toul.jpg')).size);
  });

  it('does not report an issue stopped half-way as published, nor touch the archive, and finishes it the next time', async () => {
    const { site, publish } = await setUp();
    // A folder where the page goes: every image is written, then the page cannot be.
    mkdirSync(join(site, '042', 'index.html'), { recursive: true });
    const result = await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`Publication vers ${site}\n`);
    expect(result.stderr).toBe(`pvd : Impossible d'écrire 042/index.html dans ${site} : un fichier ou un dossier du même nom est en travers (EISDIR). Déplacez-le, puis relancez.\n`);
    expect(listFiles(site)).toEqual(IMAGES.map((image) => `042/images/${image}`));

    rmSync(join(site, '042', 'index.html'), { recursive: true });
    const next = await publish('--to', site);
    expect(next.code).toBe(0);
    expect(next.stdout.split('\n')[1]).toBe('✔ n° 42 (042/) : 1 fichier(s) envoyé(s), 10 inchangé(s)');
  });

  it('says which issues were complete when it stops on a later one', async () => {
    const { site, publish } = await setUp({ issues: [43] });
    mkdirSync(join(site, '043', 'index.html'), { recursive: true });
    const result = await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(`Publication vers ${site}\n✔ n° 42 (042/) : 11 fichier(s) envoyé(s), 0 inchangé(s)\n`);
    expect(result.stderr.split('\n')[1]).toBe("Publiés en entier avant l'erreur : n° 42. Les autres n'ont pas été rendus visibles, l'archive n'a pas été mise à jour ; relancez une fois le problème réglé.");
    expect(listFiles(site)).not.toContain('index.html');
  });

  it('refuses a destination it may not write to, naming it (exit 2)', async () => {
    const { root, site, publish } = await setUp();
    mkdirSync(site, { recursive: true });
    chmodSync(site, 0o555);
    cleanups.push(() => chmodSync(site, 0o755));
    // root writes anywhere: the refusal is seen as an unprivileged user.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) for (const folder of [root, join(site, '..')]) chmodSync(folder, 0o755);
    const result = asRoot ? await runPvdAsync(['publish', '--to', site], { cwd: root, uid: 65534, gid: 65534 }) : await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : Impossible d'écrire 042/images/attigny.jpg dans ${site} (EACCES) : vous n'avez pas le droit d'écrire dans ce dossier. Demandez ce droit, ou publiez ailleurs avec --to.\n`);
    expect(listFiles(site)).toEqual([]);
  });

  it('refuses a folder whose parent is missing, as an unmounted share (exit 2)', async () => {
    const { site, publish } = await setUp();
    const result = await publish('--to', join(site, 'partage', 'lettre'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : Impossible de publier dans ${join(site, 'partage', 'lettre')} : son dossier parent ${join(site, 'partage')} n'existe pas. Si c'est un partage réseau, montez-le (ou reconnectez le lecteur) ; sinon vérifiez le chemin donné à --to ou à publish.to (templates/pvd/template.yaml).\n`);
  });

  it('refuses a file as destination, and the repository itself', async () => {
    const { root, site, publish } = await setUp();
    mkdirSync(join(site, '..'), { recursive: true });
    writeFileSync(join(site, '..', 'fichier'), '');
    const file = await publish('--to', join(site, '..', 'fichier'));
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(`pvd : Impossible de publier dans ${join(site, '..', 'fichier')} : c'est un fichier, pas un dossier. Choisissez un dossier avec --to.\n`);
    const repository = await publish('--to', '.');
    expect(repository.code).toBe(2);
    expect(repository.stderr).toBe(`pvd : ${root} est le dépôt de la lettre ou l'un de ses dossiers (issues/, templates/, out/, .git…) : publiez dans un dossier à part, par exemple « npx pvd publish --to public ».\n`);
  });

  it('refuses a record it cannot read, without publishing', async () => {
    const { site, publish } = await setUp();
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, '.pvd-publication.json'), '{ "édité": ');
    const result = await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : ${site} : .pvd-publication.json est illisible : ce n'est pas le registre qu'écrit pvd (modifié à la main ?). Rien n'a été publié. Restaurez-le, ou supprimez-le : pvd le récrira, en refusant de remplacer les fichiers qu'il ne reconnaît pas.\n`);
    expect(listFiles(site)).toEqual(['.pvd-publication.json']);
  });
});

describe('which issues npx pvd publish takes', () => {
  it('refuses a draft asked for by number, publishing nothing (exit 2)', async () => {
    const { root, site, publish } = await setUp();
    addIssue(root, 44, 'draft');
    const result = await publish('42', '44', '--to', site);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("pvd : Le n° 44 est encore un brouillon (status: draft) : rien n'a été publié. Quand il est prêt, passez « status: ready » dans son issue.md, puis relancez « npx pvd publish 44 ».\n");
    expect(() => readdirSync(site)).toThrow();
  });

  it('publishes the other issues when one has lint errors, and exits 1', async () => {
    const { root, site, publish } = await setUp({ issues: [43] });
    editIssue(root, '043', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const result = await publish('--to', site);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('issues/043/issue.md:');
    expect(result.stderr).toContain('unknown-section');
    expect(result.stderr).toContain('1 numéro(s) non publié(s) : corrigez les erreurs ci-dessus (« npx pvd lint » les liste aussi), puis relancez.\n');
    expect(result.stdout.split('\n').slice(1, 3)).toEqual(['✔ n° 42 (042/) : 11 fichier(s) envoyé(s), 0 inchangé(s)', '✔ archive (index.html) : 1 numéro(s)']);
  });

  it('says there is nothing to publish when every issue is a draft', async () => {
    const { root, site, publish } = await setUp();
    editIssue(root, '042', (source) => source.replace(/^status: ready$/m, 'status: draft'));
    const result = await publish('--to', site);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pvd : Aucun numéro prêt à publier : passez « status: ready » dans l\'issue.md d\'un numéro terminé, puis relancez « npx pvd publish ».\n');
  });
});

describe('where npx pvd publish publishes', () => {
  it('uses publish.to of template.yaml, relative to the repository', async () => {
    const { root, http } = await setUp();
    setPublicBaseUrl(root, http.base, 'publish:\n  to: "site-public"');
    cleanups.push(() => rmSync(join(root, 'site-public'), { recursive: true, force: true }));
    const result = await runPvdAsync(['publish', '--no-check'], { cwd: join(root, 'issues') });
    expect(result.stdout.split('\n')[0]).toBe(`Publication vers ${join(root, 'site-public')}`);
    expect(result.code).toBe(0);
    expect(listFiles(join(root, 'site-public'))).toContain('042/index.html');
  });

  it('asks where when neither --to nor publish.to says it (exit 2)', async () => {
    const { publish } = await setUp();
    const result = await publish();
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pvd : Où publier ? Donnez la destination avec --to (par exemple « npx pvd publish --to public », ou --to sftp://utilisateur@serveur/chemin), ou écrivez-la une fois pour toutes sous « publish: » « to: » dans templates/pvd/template.yaml.\n');
  });

  it('refuses another protocol, a bad --timeout, and a bad publish block, in English with --lang en', async () => {
    const { root, site, publish } = await setUp();
    const ftp = await publish('--to', 'ftp://web.example.fr/www', '--lang', 'en');
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toBe('pvd: "ftp://web.example.fr/www": pvd does not publish over ftp://. Give a folder (the web root, a mounted network share, public/ for a forge) or an sftp://user@server[:port]/path address.\n');
    const timeout = await publish('--to', site, '--timeout', 'vite');
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toBe('pvd : --timeout attend un nombre de secondes entre 0 et 600 (par exemple 10), pas « vite ».\n');
    setPublicBaseUrl(root, 'https://exemple.fr/', 'publish:\n  hostKey: "MD5:00:11"');
    const hostKey = await publish('--to', site);
    expect(hostKey.code).toBe(2);
    const at = positionIn(readFileSync(join(root, 'templates', 'pvd', 'template.yaml'), 'utf8'), '"MD5:00:11"');
    expect(hostKey.stderr.startsWith(`templates/pvd/template.yaml:${at.line}:${at.column}  publish.hostKey : empreinte SHA256 attendue`), hostKey.stderr).toBe(true);
  });
});

describe('publicBaseUrl', () => {
  it('stays https, except on this computer (127.0.0.1, localhost, [::1])', async () => {
    const { root, site, publish } = await setUp();
    for (const base of ['http://127.0.0.1:8080/lettre/', 'http://localhost:8080/', 'http://[::1]:8080/l/']) {
      setPublicBaseUrl(root, base);
      const result = await publish('--to', site, '--no-check');
      expect(result.stderr, base).toBe('');
    }
    for (const base of ['http://agence-cohesion-territoires.gouv.fr/lettre-pvd/', 'http://localhost.example.fr/', 'http://127.0.0.1@example.fr/']) {
      setPublicBaseUrl(root, base);
      const result = await publish('--to', site, '--no-check');
      expect(result.code, base).toBe(2);
      expect(result.stderr, base).toMatch(/publicBaseUrl : une adresse complète commençant par https:\/\/ est attendue \(http:\/\/ seulement sur cet ordinateur, pour essayer : http:\/\/127\.0\.0\.1:port\/, http:\/\/localhost:port\/ ou http:\/\/\[::1\]:port\/\)\.\n$/);
    }
  });
});

describe('the online check after publishing', () => {
  const offlineLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('✖'));

  it('names every page and image that answers 404, and exits 1 with what to do', async () => {
    const { site, http, publish } = await setUp({ server: () => serveStatus(404) });
    const result = await publish('42', '--to', site);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[1]).toBe('✔ n° 42 (042/) : 11 fichier(s) envoyé(s), 0 inchangé(s)');
    expect(offlineLines(result.stderr)).toEqual([
      ...IMAGES.map((image) => `✖ ${http.base}042/images/${image} : pas encore en ligne (réponse 404 : le fichier n’y est pas)`),
      `✖ ${http.base}042/ : pas encore en ligne (réponse 404 : le fichier n’y est pas)`,
      `✖ ${http.base} : pas encore en ligne (réponse 404 : le fichier n’y est pas)`,
    ]);
    expect(result.stderr.split('\n').at(-2)).toBe(`12 adresse(s) sur 12 pas encore en ligne. Les fichiers sont bien dans ${site}, mais ${http.base} ne les sert pas (encore). Vérifiez que publicBaseUrl (templates/pvd/template.yaml) est l'adresse web de cette destination ; si le site est mis en ligne par une forge (GitHub Pages, GitLab Pages) ou derrière un cache, attendez la fin de sa mise en ligne. Puis relancez « npx pvd publish 42 --to ${site} » : rien ne sera renvoyé, seule la vérification sera refaite. D'ici là, n'envoyez pas la lettre : ses images n'apparaîtraient pas.`);
  });

  it('names a server answering 500, in English with --lang en', async () => {
    const { site, http, publish } = await setUp({ server: () => serveStatus(500) });
    const result = await publish('--to', site, '--lang', 'en');
    expect(result.code).toBe(1);
    expect(offlineLines(result.stderr)[0]).toBe(`✖ ${http.base}042/images/attigny.jpg: not online yet (answer 500: the server is failing)`);
    expect(result.stderr.split('\n').at(-2)).toMatch(/^12 of 12 address\(es\) not online yet\. The files are in /);
  });

  it('gives up on a server that never answers, after --timeout seconds', async () => {
    const { site, http, publish } = await setUp({ server: () => serveNothing() });
    const result = await publish('--to', site, '--timeout', '0,5');
    expect(result.code).toBe(1);
    expect(offlineLines(result.stderr)).toHaveLength(12);
    expect(offlineLines(result.stderr)[11]).toBe(`✖ ${http.base} : pas encore en ligne (pas de réponse en 0,5 s)`);
  });

  it('is skipped with --no-check', async () => {
    const { site, http, publish } = await setUp({ server: () => serveStatus(404) });
    const result = await publish('--to', site, '--no-check');
    expect(result.code).toBe(0);
    expect(http.requests).toEqual([]);
    expect(result.stdout.split('\n')).toHaveLength(4);
  });
});
