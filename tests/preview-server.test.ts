import { closeSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostAllowList, hostnameOf, isLoopback } from '../src/preview/address.js';
import { openAsset, type AssetFile } from '../src/preview/assets.js';
import type { PreviewRenders } from '../src/preview/renders.js';
import { safePath, startPreviewServer, type PreviewServer } from '../src/preview/server.js';
import type { TargetName } from '../src/template/model.js';
import { editIssue, makeProject, REPO } from './helpers.js';
import { rawRequest, snapshotWhere, startPreview, stopPreviews, type SentSnapshot } from './preview-helpers.js';

const JPEG = join(REPO, 'issues', '042', 'images', 'toul.jpg');
const folders: string[] = [];

afterEach(async () => {
  await stopPreviews();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
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

describe('addresses', () => {
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

  it('accepts loopback names, the machine’s addresses and the --host value, and nothing else, whatever the address listened on', () => {
    let addresses = ['127.0.0.1', '::1', '192.168.1.20', 'fe80::1'];
    const allowed = hostAllowList('0.0.0.0', () => addresses);
    for (const name of ['localhost', 'preview.localhost', '127.0.0.1', '127.9.9.9', '::1', '192.168.1.20', 'fe80::1', '0.0.0.0']) expect(allowed(name), name).toBe(true);
    for (const name of ['attacker.example', 'localhost.attacker.example', '127.0.0.1.attacker.example', '192.168.1.21', '', undefined]) expect(allowed(name), String(name)).toBe(false);
    // A new address (another network joined) is read again before a refusal.
    addresses = [...addresses, '10.1.2.3'];
    expect(allowed('10.1.2.3')).toBe(true);
    expect(hostAllowList('::', () => [])('::')).toBe(true);
    expect(hostAllowList('192.168.1.20', () => [])('192.168.1.20')).toBe(true);
    expect(hostAllowList('127.0.0.1', () => [])('192.168.1.20')).toBe(false);
  });
});

describe('openAsset', () => {
  function folder(): string {
    const root = mkdtempSync(join(tmpdir(), 'pvd-test-asset-'));
    folders.push(root);
    mkdirSync(join(root, 'issue', 'images', 'sub'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    copyFileSync(JPEG, join(root, 'outside', 'secret.jpg'));
    return root;
  }
  const open = (asset: AssetFile) => {
    const opened = openAsset(asset);
    if (opened) closeSync(opened.fd);
    return opened && { size: opened.size, type: opened.type };
  };

  it('opens a JPEG, PNG or GIF inside its folder, typed by its bytes', () => {
    const root = folder();
    const issue = join(root, 'issue');
    copyFileSync(JPEG, join(issue, 'images', 'sub', 'photo.jpg'));
    writeFileSync(join(issue, 'images', 'logo.gif'), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    // Named .png, but GIF by its bytes: sent as what it is.
    writeFileSync(join(issue, 'images', 'named.png'), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'));
    expect(open({ path: join(issue, 'images', 'sub', 'photo.jpg'), root: issue })).toEqual({ size: readFileSync(JPEG).length, type: 'image/jpeg' });
    expect(open({ path: join(issue, 'images', 'logo.gif'), root: issue })).toEqual({ size: 14, type: 'image/gif' });
    expect(open({ path: join(issue, 'images', 'named.png'), root: issue })).toEqual({ size: 14, type: 'image/gif' });
  });

  it('refuses what is not, now, a picture inside the folder', () => {
    const root = folder();
    const issue = join(root, 'issue');
    const images = join(issue, 'images');
    symlinkSync(join(root, 'outside', 'secret.jpg'), join(images, 'sub', 'link.jpg'));
    symlinkSync(join(root, 'outside'), join(images, 'linked-folder'));
    copyFileSync(JPEG, join(root, 'outside', 'linked.jpg'));
    linkSync(join(root, 'outside', 'linked.jpg'), join(images, 'hard.jpg'));
    writeFileSync(join(images, 'drawing.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(images, 'page.png'), '<!doctype html><script>alert(1)</script>');
    writeFileSync(join(images, 'empty.jpg'), '');
    for (const path of [
      join(images, 'sub', 'link.jpg'), join(images, 'linked-folder', 'secret.jpg'), join(images, 'hard.jpg'), join(images, 'drawing.jpg'),
      join(images, 'page.png'), join(images, 'empty.jpg'), join(images, 'sub'), join(images, 'missing.jpg'),
    ]) {
      expect(open({ path, root: issue }), path).toBeUndefined();
    }
    // The same JPEG, allowed where it is: only its place was refused.
    expect(open({ path: join(root, 'outside', 'secret.jpg'), root: join(root, 'outside') })).toEqual({ size: readFileSync(JPEG).length, type: 'image/jpeg' });
  });
});

describe('pvd preview --host 0.0.0.0 or ::', () => {
  const machineAddress = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).find((entry) => !entry.internal && entry.family === 'IPv4')?.address;

  it.each(['0.0.0.0', '::'])('keeps refusing a forged Host header on --host %s', async (host) => {
    const root = makeProject();
    const preview = await startPreview(root, ['42', '--port', '0', '--host', host]);
    const { port } = preview;
    for (const forged of ['attacker.example', `attacker.example:${port}`, `127.0.0.1.attacker.example:${port}`, `localhost.attacker.example:${port}`, '']) {
      for (const path of ['/', '/events', '/app.js', '/online', '/assets/042/images/toul.jpg']) {
        const response = await rawRequest(port, 'GET', path, forged);
        expect(response.status, `${forged} ${path}`).toBe(403);
        expect(response.body, `${forged} ${path}`).toBe('Interdit : ouvrez l’aperçu à l’adresse que pvd affiche.\n');
      }
    }
    const names = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host.includes(':') ? `[${host}]` : host}:${port}`];
    if (machineAddress) names.push(`${machineAddress}:${port}`);
    for (const name of names) expect((await rawRequest(port, 'GET', '/', name)).status, name).toBe(200);
    expect((await rawRequest(port, 'GET', '/assets/042/images/toul.jpg', `localhost:${port}`)).status).toBe(200);
  });
});

describe('pvd preview serves only the pictures build would publish', () => {
  it('refuses a picture of a subfolder replaced by a link after start-up, and reports it as lint does', async () => {
    const root = makeProject();
    const images = join(root, 'issues', '042', 'images');
    mkdirSync(join(images, 'sub'));
    renameSync(join(images, 'toul.jpg'), join(images, 'sub', 'toul.jpg'));
    editIssue(root, '042', (source) => source.replace('(images/toul.jpg ', '(images/sub/toul.jpg '));
    mkdirSync(join(root, 'outside'));
    // A real JPEG: only its place can refuse it.
    copyFileSync(JPEG, join(root, 'outside', 'secret.jpg'));
    const preview = await startPreview(root, ['42', '--port', '0']);
    const asset = '/assets/042/images/sub/toul.jpg';
    const served = await rawRequest(preview.port, 'GET', asset);
    expect(served.status).toBe(200);
    expect(served.head).toMatch(/^Content-Type: image\/jpeg$/im);

    renameSync(join(images, 'sub', 'toul.jpg'), join(root, 'toul.jpg'));
    symlinkSync(join(root, 'outside', 'secret.jpg'), join(images, 'sub', 'toul.jpg'));
    // Refused at once, before or after the preview has seen the change.
    expect((await rawRequest(preview.port, 'GET', asset)).status).toBe(404);
    // A change inside images/sub/ is seen: lint's refusal shows, and the last good email stays.
    const snapshot = await snapshotWhere(`${preview.url}events`, (sent) => sent.diagnostics.some((diagnostic) => diagnostic.rule === 'image-outside'));
    expect(snapshot.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(({ rule, line, column }) => ({ rule, line, column }))).toEqual([{ rule: 'image-outside', line: 75, column: 1 }]);
    expect(snapshot.copy).toBeUndefined();
    expect(snapshot.email?.html).toContain(`src="${asset}"`);
    expect((await rawRequest(preview.port, 'GET', asset)).status).toBe(404);
  });

  it('refuses a picture whose bytes became an SVG after start-up, even under its .jpg name', async () => {
    const root = makeProject();
    const preview = await startPreview(root, ['42', '--port', '0']);
    const asset = '/assets/042/images/toul.jpg';
    expect((await rawRequest(preview.port, 'GET', asset)).status).toBe(200);
    writeFileSync(join(root, 'issues', '042', 'images', 'toul.jpg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');
    const refused = await rawRequest(preview.port, 'GET', asset);
    expect(refused.status).toBe(404);
    expect(refused.body).not.toContain('<svg');
  });
});

describe('pvd preview: requests', () => {
  it('refuses an unknown mailing tool and another site asking for the online check', async () => {
    const root = makeProject();
    const preview = await startPreview(root, ['42', '--port', '0']);
    const unknown = await rawRequest(preview.port, 'GET', '/events?target=gmail');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toBe('Outil d’envoi inconnu : generic, brevo, mailchimp, mailjet, listmonk, sendy. / Unknown mailing tool.\n');
    const crossSite = await rawRequest(preview.port, 'GET', '/online', undefined, { 'Sec-Fetch-Site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const head = await rawRequest(preview.port, 'HEAD', '/events?target=brevo');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('renders each tool asked for through the pipeline, on demand', async () => {
    const root = makeProject();
    const preview = await startPreview(root, ['42', '--port', '0']);
    const brevo = await snapshotWhere(`${preview.url}events?target=brevo`, () => true);
    const byDefault = await snapshotWhere(`${preview.url}events`, () => true);
    expect([brevo.target, brevo.defaultTarget, byDefault.target]).toEqual(['brevo', 'generic', 'generic']);
    expect(brevo.copy?.html).toContain('href="{{ unsubscribe }}"');
    expect(byDefault.copy?.html).toContain('href="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription"');
  });
});

describe('the preview server and its pages', () => {
  /** Renders as the test sets them: what each target shows, and template.yaml's target. */
  function stubRenders() {
    const state = { defaultTarget: 'generic' as TargetName, subjects: new Map<string, string>(), invalidated: 0, onlineUrls: undefined as string[] | undefined };
    const renders: PreviewRenders = {
      defaultTarget: () => state.defaultTarget,
      get: (target) => ({ snapshot: { number: '042', file: 'issues/042/issue.md', target, defaultTarget: state.defaultTarget, subject: state.subjects.get(target) ?? 'Objet', diagnostics: [] } }),
      invalidate: () => void state.invalidated++,
      asset: () => undefined,
      onlineUrls: () => state.onlineUrls,
    };
    return { state, renders };
  }

  /** One page's event stream, read snapshot by snapshot. */
  async function pageStream(url: string) {
    const response = await fetch(url);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    return {
      async next(): Promise<SentSnapshot> {
        for (;;) {
          const end = buffered.indexOf('\n\n');
          if (end >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (data !== undefined) return JSON.parse(data) as SentSnapshot;
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('the event stream ended');
          buffered += value;
        }
      },
      close: () => reader.cancel(),
    };
  }

  const started: PreviewServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.close();
  });
  async function serve(renders: PreviewRenders) {
    const server = await startPreviewServer({ host: '127.0.0.1', port: 0, page: '<!doctype html>', renders, online: { timeoutMs: 5_000 }, sheetFolder: join(tmpdir(), 'pvd-test-no-sheet') });
    started.push(server);
    return server;
  }

  it('sends each page its own tool’s snapshot, and only when it changed', async () => {
    const { state, renders } = stubRenders();
    const server = await serve(renders);
    const byDefault = await pageStream(`${server.url}events`);
    const brevo = await pageStream(`${server.url}events?target=brevo`);
    expect([(await byDefault.next()).target, (await brevo.next()).target]).toEqual(['generic', 'brevo']);

    // A change that shows nothing new (an editor's swap file) sends nothing: the next event is the next real change.
    server.refresh();
    state.subjects.set('brevo', 'Objet modifié');
    server.refresh();
    expect(await brevo.next()).toMatchObject({ target: 'brevo', subject: 'Objet modifié' });
    expect(state.invalidated).toBe(2);

    // template.yaml now says mailjet: the page that follows it gets mailjet's email; the one that chose brevo keeps it.
    state.defaultTarget = 'mailjet';
    state.subjects.set('brevo', 'Objet encore modifié');
    server.refresh();
    expect(await byDefault.next()).toMatchObject({ target: 'mailjet', defaultTarget: 'mailjet' });
    expect(await brevo.next()).toMatchObject({ target: 'brevo', subject: 'Objet encore modifié' });
    await Promise.all([byDefault.close(), brevo.close()]);
  });

  it('answers the online check with one row per address, or says why it cannot', async () => {
    const { state, renders } = stubRenders();
    const server = await serve(renders);
    const refused = await rawRequest(server.port, 'GET', '/online');
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body)).toEqual({ problem: 'Le numéro ne se construit pas encore : corrigez les erreurs, puis vérifiez à nouveau.' });

    const site = createServer((request, response) => response.writeHead(request.url === '/absent.jpg' ? 404 : request.url === '/panne.jpg' ? 503 : 200).end());
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
      state.onlineUrls = [`${base}/photo.jpg`, `${base}/absent.jpg`, `${base}/panne.jpg`];
      const answered = await rawRequest(server.port, 'GET', '/online');
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ rows: [
        { url: `${base}/photo.jpg`, online: true, says: 'en ligne (réponse 200)' },
        { url: `${base}/absent.jpg`, online: false, says: 'réponse 404 : le fichier n’y est pas' },
        { url: `${base}/panne.jpg`, online: false, says: 'réponse 503 : le serveur est en erreur' },
      ] });
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
