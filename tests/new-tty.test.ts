import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixedToday, makeProject, PVD } from './helpers.js';

// `pvd new` run as a person runs it: in a real pseudo-terminal (tmux), keys typed one by one.
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A server of our own, on a socket we remove afterwards: the user's tmux sessions are never touched.
const SOCKET = join(tmpdir(), `pvd-new-test-${process.pid}.sock`);
if (!hasTmux) console.warn('tmux absent : les tests de « npx pvd new » en terminal interactif sont ignorés — installez le paquet « tmux ».');

const tmux = (...args: string[]) => execFileSync('tmux', ['-S', SOCKET, ...args], { encoding: 'utf8' });
const screen = (session: string) => tmux('capture-pane', '-p', '-J', '-S', '-100', '-t', session);

async function waitFor(session: string, text: string | RegExp, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shown = screen(session);
    if (typeof text === 'string' ? shown.includes(text) : text.test(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`Not on screen after ${timeout} ms: ${String(text)}\n--- screen ---\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The day these runs see: after 2025-01-20, the date that follows #42, so that date is past. */
const TODAY = '2025-03-05';

/** Starts `pvd new` in a 120×40 terminal; the shell then prints its exit code and waits. */
function startNew(root: string, session: string): void {
  const command = `env NO_COLOR=1 PVD_LANG= PVD_ROOT= '${process.execPath}' --import '${fixedToday(TODAY)}' '${PVD}' new; echo "EXIT=$?"; sleep 120`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', '-c', root, command);
}

const keys = (session: string, ...typed: string[]) => tmux('send-keys', '-t', session, ...typed);
/** Text is sent literally (-l), so that « ; », quotes or key names in it are not interpreted. */
const type = (session: string, text: string) => tmux('send-keys', '-t', session, '-l', text);

describe.skipIf(!hasTmux)('pvd new in a terminal', () => {
  afterAll(() => {
    spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
    rmSync(SOCKET, { force: true });
  });

  it('asks every question in French, shows the defaults, and writes what was answered', async () => {
    const root = makeProject();
    const session = 'answers';
    startNew(root, session);

    await waitFor(session, '? Numéro de la lettre (43)');
    type(session, '42');
    keys(session, 'Enter');
    await waitFor(session, 'Le numéro 42 existe déjà');
    keys(session, 'BSpace', 'BSpace');
    type(session, '44');
    keys(session, 'Enter');

    await waitFor(session, "? Date d'envoi au format AAAA-MM-JJ — par défaut le 3e lundi du mois, comme le n° 42 (2025-01-20)");
    type(session, '2030-02-30');
    keys(session, 'Enter');
    await waitFor(session, "n'est pas une date réelle au format AAAA-MM-JJ");
    keys(session, 'C-u');
    type(session, '2020-01-20');
    keys(session, 'Enter');
    await waitFor(session, 'Le lundi 20 janvier 2020 est déjà passé. Garder cette date ?');
    keys(session, 'Enter'); // « Non, en choisir une autre » is the default
    // Asked again, the default is now the next date of the same rhythm: the 3rd Monday of March.
    await waitFor(session, 'comme le n° 42 (2025-03-17)');
    type(session, '2031-03-17');
    keys(session, 'Enter');

    await waitFor(session, "? Objet de l'e-mail (À compléter)");
    type(session, 'Rencontres « PACA » : {{ bilan }} #1');
    keys(session, 'Enter');
    await waitFor(session, "? Texte d'aperçu (affiché après l'objet dans la boîte de réception) (À compléter)");
    type(session, 'Ce mois-ci : les rencontres régionales et les webinaires à venir.');
    keys(session, 'Enter');

    const sections = await waitFor(session, '? Rubriques facultatives à inclure');
    expect(sections).toContain('◉ Le Club départemental');
    expect(sections).toContain('espace cocher');
    keys(session, 'Down', 'Down', 'Space'); // unticks « Le Club départemental »
    keys(session, 'Enter');

    await waitFor(session, "? Reprendre du n° 42 les rubriques « L'offre de services » et « Voir aussi » ?");
    keys(session, 'Enter'); // « Oui » is the default

    const done = await waitFor(session, 'EXIT=');
    expect(done).toContain('EXIT=0');
    expect(done).toContain('✔ Numéro 44 créé : issues/044/issue.md');
    expect(done).toContain('pvd preview 44');

    const text = readFileSync(join(root, 'issues', '044', 'issue.md'), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;
    expect(data).toEqual({
      number: 44,
      date: '2031-03-17',
      subject: 'Rencontres « PACA » : {{ bilan }} #1',
      preheader: 'Ce mois-ci : les rencontres régionales et les webinaires à venir.',
      status: 'draft',
      credits: ['ANCT', 'Banque des Territoires'],
    });
    expect(text.split('\n').filter((line) => line.startsWith('## '))).toEqual([
      "## L'actu", '## Le chiffre du mois', "## L'image du mois", '## Le Club', '## La projetothèque', "## L'offre de services", '## On parle de vous', '## Voir aussi',
    ]);
    expect(text).toContain('### Mobiliscope');
    expect(readdirSync(join(root, 'issues', '044', 'images')).sort()).toEqual(['livret-banque-des-territoires.jpg', 'mobiliscope.jpg']);
  });

  it('leaves nothing behind in issues/ when interrupted with Ctrl-C', async () => {
    const root = makeProject();
    const session = 'interrupted';
    startNew(root, session);
    await waitFor(session, '? Numéro de la lettre (43)');
    keys(session, 'Enter');
    await waitFor(session, "? Date d'envoi");
    keys(session, 'Enter');
    // The default, 2025-01-20, is past on that day.
    await waitFor(session, 'Le lundi 20 janvier 2025 est déjà passé. Garder cette date ?');
    keys(session, 'Up', 'Enter');
    await waitFor(session, "? Objet de l'e-mail");
    type(session, 'Un objet à moitié tap');
    keys(session, 'C-c');
    const done = await waitFor(session, 'EXIT=');
    expect(done).toContain('Interrompu : aucun numéro n’a été créé.');
    expect(done).toContain('EXIT=130');
    expect(readdirSync(join(root, 'issues'))).toEqual(['042']);
  });
});
