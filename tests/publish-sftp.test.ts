import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeProject, runPvd } from './helpers.js';
import { freePort, runPvdAsync, serveFolder, setPublicBaseUrl, sshdSkipReason, startAgent, startSshd, tempFolder, type TestHttp, type TestSshd } from './publish-servers.js';

const skip = sshdSkipReason();
if (skip) console.warn(skip);

describe.skipIf(skip !== undefined)('npx pvd publish --to sftp://… against OpenSSH', () => {
  let sshd: TestSshd;
  let root: string;
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    sshd = await startSshd();
    root = makeProject();
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await sshd?.stop();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A fresh folder on the server, a home with or without known_hosts, and a web server serving that folder. */
  async function target(options: { knownHosts?: boolean } = {}) {
    const folder = tempFolder('sftp-www');
    const site = join(folder, 'lettre');
    const home = tempFolder('home');
    mkdirSync(join(home, '.ssh'));
    if (options.knownHosts !== false) writeFileSync(join(home, '.ssh', 'known_hosts'), `# test\n${sshd.knownHostsLine}\n`);
    const http: TestHttp = await serveFolder(site);
    setPublicBaseUrl(root, http.base);
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }), () => rmSync(home, { recursive: true, force: true }), () => http.close());
    const url = `sftp://root@127.0.0.1:${sshd.port}${site}`;
    const publish = (args: string[], env: NodeJS.ProcessEnv = {}) => runPvdAsync(['publish', '42', '--to', url, ...args], { cwd: root, env: { HOME: home, PVD_SFTP_KEY: sshd.userKey, ...env } });
    return { site, home, http, url, publish };
  }

  const files = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

  it('publishes over SFTP with the key of PVD_SFTP_KEY, the server known from known_hosts, then finds it online', async () => {
    const { site, http, url, publish } = await target();
    const result = await publish([]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      `Publication vers ${url}`,
      '✔ n° 42 (042/) : 11 fichier(s) envoyé(s), 0 inchangé(s)',
      '✔ archive (index.html) : 1 numéro(s)',
      `✔ en ligne : les 12 pages et images répondent sous ${http.base}`,
      '',
    ].join('\n'));
    expect(result.code).toBe(0);
    expect(readFileSync(join(site, '042', 'index.html'), 'utf8')).toBe(runPvd(['build', '42', '--stdout', 'html'], { cwd: root }).stdout);
    expect(readFileSync(join(site, '042', 'images', 'manosque.jpg'))).toEqual(readFileSync(join(root, 'issues', '042', 'images', 'manosque.jpg')));
    expect(files(site).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    // Readable by the web server, writable by the account only.
    expect(execFileSync('stat', ['-c', '%a', join(site, '042', 'index.html')], { encoding: 'utf8' }).trim()).toBe('644');

    const again = await publish(['--no-check']);
    expect(again.stdout.split('\n').slice(1, 3)).toEqual(['✔ n° 42 (042/) : déjà publié, inchangé', '✔ archive (index.html) : inchangée']);
  });

  it('writes each file to a temporary name then renames it over, images before the page, the archive last', async () => {
    const logged = await startSshd({ logSftp: true });
    cleanups.push(() => logged.stop());
    const { site, home } = await target();
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${logged.knownHostsLine}\n`);
    const result = await runPvdAsync(['publish', '42', '--no-check', '--to', `sftp://root@127.0.0.1:${logged.port}${site}`], { cwd: root, env: { HOME: home, PVD_SFTP_KEY: logged.userKey } });
    expect(result.code).toBe(0);
    const renamed = [...logged.sftpLog().matchAll(/posix-rename old "([^"]+)" new "([^"]+)"/g)].map((match) => ({ from: match[1]!, to: match[2]!.slice(site.length + 1) }));
    for (const { from, to } of renamed) expect(from, to).toMatch(new RegExp(`^${site}/(.*/)?\\.[^/]+\\.pvd-[0-9a-f]{8}\\.tmp$`));
    const order = renamed.map((rename) => rename.to);
    expect(order.slice(0, 10).every((path) => path.startsWith('042/images/'))).toBe(true);
    expect(order.slice(10)).toEqual(['042/index.html', '.pvd-publication.json', 'index.html', '.pvd-publication.json']);
  });

  it('logs in with the ssh-agent, or with ~/.ssh/id_ed25519', async () => {
    const { home, publish } = await target();
    const agent = await startAgent(home, sshd.userKey);
    cleanups.push(() => agent.stop());
    const withAgent = await publish(['--no-check'], { PVD_SFTP_KEY: '', SSH_AUTH_SOCK: agent.socket });
    expect(withAgent.stderr).toBe('');
    expect(withAgent.code).toBe(0);
    cpSync(sshd.userKey, join(home, '.ssh', 'id_ed25519'));
    const withDefaultKey = await publish(['--no-check'], { PVD_SFTP_KEY: '' });
    expect(withDefaultKey.stderr).toBe('');
    expect(withDefaultKey.code).toBe(0);
  });

  it('refuses an unknown server, showing its SHA256 fingerprint and how to trust it, and sends nothing', async () => {
    const { site, publish } = await target({ knownHosts: false });
    const before = sshd.log().length;
    const result = await publish([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : Le serveur [127.0.0.1]:${sshd.port} n'est pas encore connu de cet ordinateur : son empreinte est ${sshd.fingerprint}. Vérifiez-la auprès de l'administrateur du serveur, puis faites-lui confiance : soit en ajoutant « hostKey: "${sshd.fingerprint}" » sous « publish: » dans templates/pvd/template.yaml, soit en vous connectant une fois avec « ssh -p ${sshd.port} root@127.0.0.1 » et en répondant « yes » (ssh l'ajoute à ~/.ssh/known_hosts). Rien n'a été envoyé.\n`);
    expect(() => readdirSync(site)).toThrow();
    expect(sshd.log().slice(before)).not.toContain('Accepted publickey');
  });

  it('trusts the fingerprint written in template.yaml, and refuses another one', async () => {
    const { http, publish } = await target({ knownHosts: false });
    setPublicBaseUrl(root, http.base, `publish:\n  hostKey: "${sshd.fingerprint}"`);
    const trusted = await publish(['--no-check']);
    expect(trusted.stderr).toBe('');
    expect(trusted.code).toBe(0);
    const wrong = 'SHA256:' + 'A'.repeat(43);
    setPublicBaseUrl(root, http.base, `publish:\n  hostKey: "${wrong}"`);
    const refused = await publish(['--no-check']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`pvd : Le serveur [127.0.0.1]:${sshd.port} présente une clé différente de celle attendue (${sshd.fingerprint}, attendue dans publish.hostKey (templates/pvd/template.yaml)) : ce n'est peut-être pas le bon serveur. Rien n'a été envoyé. Demandez à son administrateur si sa clé a changé ; seulement alors, mettez à jour publish.hostKey (templates/pvd/template.yaml).\n`);
    setPublicBaseUrl(root, http.base);
  });

  it('refuses a server whose key is not the one in known_hosts', async () => {
    const { home, publish } = await target();
    const otherKey = join(home, 'other-host');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', otherKey]);
    const otherLine = `[127.0.0.1]:${sshd.port} ${readFileSync(`${otherKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}`;
    writeFileSync(join(home, '.ssh', 'known_hosts'), `${otherLine}\n`);
    const result = await publish([], { PVD_LANG: 'en' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd: The server [127.0.0.1]:${sshd.port} presents a key other than the expected one (${sshd.fingerprint}, expected in ~/.ssh/known_hosts): it may not be the right server. Nothing was sent. Ask its administrator whether its key changed; only then update ~/.ssh/known_hosts.\n`);
  });

  it('says which keys and password the server refused (exit 2)', async () => {
    const { home, publish } = await target();
    const stranger = join(home, 'stranger');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const key = await publish([], { PVD_SFTP_KEY: stranger });
    expect(key.code).toBe(2);
    expect(key.stderr).toBe(`pvd : Le serveur 127.0.0.1:${sshd.port} a refusé la connexion de « root » (pvd a essayé la clé ${stranger} (PVD_SFTP_KEY)). Vérifiez le nom d'utilisateur, que votre clé publique (.pub) est dans ~/.ssh/authorized_keys sur le serveur, ou le mot de passe. Rien n'a été envoyé.\n`);
    const password = await publish([], { PVD_SFTP_KEY: '', PVD_SFTP_PASSWORD: 'pas le bon' });
    expect(password.code).toBe(2);
    expect(password.stderr).toBe(`pvd : Le serveur 127.0.0.1:${sshd.port} a refusé la connexion de « root » (pvd a essayé le mot de passe PVD_SFTP_PASSWORD). Vérifiez le nom d'utilisateur, que votre clé publique (.pub) est dans ~/.ssh/authorized_keys sur le serveur, ou le mot de passe. Rien n'a été envoyé.\n`);
  });

  it('refuses a locked key without its passphrase, and having nothing to log in with', async () => {
    const { home, publish } = await target();
    const locked = join(home, 'locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret phrase', '-f', locked]);
    const result = await publish([], { PVD_SFTP_KEY: locked });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`pvd : La clé PVD_SFTP_KEY (${locked}) est protégée par une phrase de passe : donnez-la dans PVD_SFTP_KEY_PASSPHRASE, ou chargez la clé dans l'agent SSH (ssh-add).\n`);
    const nothing = await publish([], { PVD_SFTP_KEY: '' });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toBe(`pvd : Aucun moyen de se connecter en SFTP n'est disponible : ni agent SSH (SSH_AUTH_SOCK), ni clé dans ${join(home, '.ssh')} (id_ed25519, id_ecdsa, id_rsa), ni PVD_SFTP_KEY, ni PVD_SFTP_PASSWORD. Donnez le chemin de votre clé privée dans PVD_SFTP_KEY (ou le mot de passe dans PVD_SFTP_PASSWORD), puis relancez.\n`);
  });

  it('refuses an unreachable server and a missing folder on the server (exit 2)', async () => {
    const { site, home } = await target();
    const closedPort = await freePort();
    const unreachable = await runPvdAsync(['publish', '42', '--to', `sftp://root@127.0.0.1:${closedPort}${site}`], { cwd: root, env: { HOME: home, PVD_SFTP_KEY: sshd.userKey } });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toBe(`pvd : Le serveur 127.0.0.1:${closedPort} refuse la connexion (ECONNREFUSED) : aucun serveur SSH n'écoute sur ce port. Vérifiez le port de l'adresse sftp://root@127.0.0.1:${closedPort}${site} (22 par défaut) et que le serveur est démarré. Rien n'a été envoyé.\n`);
    const missing = join(site, 'absent', 'lettre');
    const noFolder = await runPvdAsync(['publish', '42', '--to', `sftp://root@127.0.0.1:${sshd.port}${missing}`], { cwd: root, env: { HOME: home, PVD_SFTP_KEY: sshd.userKey } });
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toBe(`pvd : Impossible de publier vers sftp://root@127.0.0.1:${sshd.port}${missing} : le dossier ${join(site, 'absent')} n'existe pas sur le serveur. Vérifiez le chemin de l'adresse (il est absolu : « /~/dossier » pour un dossier de votre compte).\n`);
  });
});
