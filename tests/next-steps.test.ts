import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextSteps, type HandoverFacts } from '../src/handover/next-steps.js';
import type { TargetName } from '../src/template/model.js';
import { editIssue, makeProject, runPvd } from './helpers.js';

const ISSUE_42: HandoverFacts = {
  number: 42,
  folderName: '042',
  subject: 'Rencontres PACA, baromètre AFL et agenda de janvier',
  preheader: "Ce mois-ci : retour sur les rencontres régionales PACA, le baromètre 2024 de l'AFL et les webinaires à venir.",
  status: 'ready',
  target: 'generic',
  targetFromOption: false,
  templateTarget: 'generic',
  templateFile: 'templates/pvd/template.yaml',
  publicBaseUrl: 'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/',
  publishTo: 'sftp://lettre@web.anct.gouv.fr/var/www/lettre-pvd',
  htmlFile: 'out/042/index.html',
  textFile: 'out/042/index.txt',
};

const text = (facts: Partial<HandoverFacts>, lang: 'fr' | 'en' = 'fr') => nextSteps({ ...ISSUE_42, ...facts }).map((line) => line[lang]).join('\n');

describe('the next steps after npx pvd build N', () => {
  it('for the generic target of template.yaml', () => {
    expect(text({})).toBe(`
Et maintenant, pour envoyer le n° 42 :
  Produit en version générique, liens en clair, sans balises de fusion (target: generic dans templates/pvd/template.yaml : chaque build le garde). Pour un outil d'envoi, relancez avec --target brevo, mailchimp, mailjet, listmonk ou sendy, ou écrivez-le dans « target: ».
  1. Les images doivent être en ligne à https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/ avant l'envoi ; pour les y mettre :
       npx pvd publish 42
  2. Objet :          Rencontres PACA, baromètre AFL et agenda de janvier
     Texte d'aperçu : Ce mois-ci : retour sur les rencontres régionales PACA, le baromètre 2024 de l'AFL et les webinaires à venir.
  3. HTML : collez tout out/042/index.html dans l'éditeur HTML (« code ») de votre outil d'envoi
     (ou ouvrez « npx pvd preview 42 » et son bouton « Copier le HTML »).
  4. Texte brut : collez out/042/index.txt dans le champ « texte brut » de votre outil.`);
  });

  it('for Brevo asked with --target while template.yaml says generic: a rebuild would go back, and how to keep it', () => {
    expect(text({ target: 'brevo', targetFromOption: true })).toBe(`
Et maintenant, pour envoyer le n° 42 :
  Produit pour Brevo (--target brevo). Attention : un build sans --target reprendra « target: generic » de templates/pvd/template.yaml (la version générique, liens en clair, sans balises de fusion) ; pour garder Brevo, écrivez-y « target: brevo ».
  1. Les images doivent être en ligne à https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/ avant l'envoi ; pour les y mettre :
       npx pvd publish 42
  2. Objet :          Rencontres PACA, baromètre AFL et agenda de janvier
     Texte d'aperçu : Ce mois-ci : retour sur les rencontres régionales PACA, le baromètre 2024 de l'AFL et les webinaires à venir.
  3. HTML : collez tout out/042/index.html dans Brevo : Campagnes → Créer une campagne → E-mail, étape Design, « Coder votre propre modèle »
     (ou ouvrez « npx pvd preview 42 » et son bouton « Copier le HTML »).
  4. Texte brut : Brevo le déduit du HTML ; si votre compte a un champ « version texte », collez-y out/042/index.txt.`);
  });

  it('without publish.to in template.yaml, the command says where to publish, and where to write it once', () => {
    const lines = text({ publishTo: undefined }).split('\n');
    expect(lines.slice(4, 6)).toEqual([
      '       npx pvd publish 42 --to <dossier ou sftp://utilisateur@serveur/chemin>',
      '     (écrivez la destination une fois pour toutes sous « publish: » « to: » dans templates/pvd/template.yaml : voir docs/publish.md).',
    ]);
    expect(text({ publishTo: undefined }, 'en').split('\n')[4]).toBe('       npx pvd publish 42 --to <folder or sftp://user@server/path>');
  });

  it('in English', () => {
    expect(text({ target: 'mailchimp', templateTarget: 'mailchimp', status: 'draft' }, 'en')).toBe(`
Next steps, to send issue 42:
  Built for Mailchimp (target: mailchimp in templates/pvd/template.yaml: every build keeps it).
  ⚠ It is still a draft (status: draft): set "status: ready" in its issue.md when it is done; "npx pvd publish" publishes only ready issues.
  1. The images must be online at https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/ before sending; to put them there:
       npx pvd publish 42
  2. Subject:       Rencontres PACA, baromètre AFL et agenda de janvier
     Preview text:  Ce mois-ci : retour sur les rencontres régionales PACA, le baromètre 2024 de l'AFL et les webinaires à venir.
  3. HTML: paste the whole of out/042/index.html into Mailchimp: Create → Email → Regular → Design Email → "Code your own" → "Paste in code"
     (or open "npx pvd preview 42" and its "Copy HTML" button).
  4. Plain text: the editor's "Plain-text" tab, automatic generation off: paste out/042/index.txt.`);
  });

  const perTool: [TargetName, string, string, string][] = [
    ['brevo', '  Produit pour Brevo (target: brevo dans templates/pvd/template.yaml : chaque build le garde).', 'Brevo : Campagnes → Créer une campagne → E-mail, étape Design, « Coder votre propre modèle »', "Brevo le déduit du HTML ; si votre compte a un champ « version texte », collez-y out/042/index.txt"],
    ['mailchimp', '  Produit pour Mailchimp (target: mailchimp dans templates/pvd/template.yaml : chaque build le garde).', 'Mailchimp : Create → Email → Regular → Design Email → « Code your own » → « Paste in code »', "onglet « Plain-text » de l'éditeur, génération automatique désactivée : collez out/042/index.txt"],
    ['mailjet', '  Produit pour Mailjet (target: mailjet dans templates/pvd/template.yaml : chaque build le garde).', 'Mailjet : Campagnes → Créer une campagne → « Coder en HTML »', 'onglet « Version texte » du même éditeur : collez out/042/index.txt'],
    ['listmonk', '  Produit pour listmonk (target: listmonk dans templates/pvd/template.yaml : chaque build le garde).', 'listmonk : Campaigns → New, « Format : Raw HTML », avec un modèle réduit à {{ template "content" . }}', "« Add alternate plain text message » sous l'éditeur : collez out/042/index.txt"],
    ['sendy', '  Produit pour Sendy (target: sendy dans templates/pvd/template.yaml : chaque build le garde).', 'Sendy : Create new campaign → « HTML code »', 'champ « Plain text version » : collez out/042/index.txt'],
  ];
  it.each(perTool)('for %s set in template.yaml: the tool, where the HTML and the text go', (target, targetLine, htmlField, textField) => {
    const lines = text({ target, templateTarget: target }).split('\n');
    expect(lines[2]).toBe(targetLine);
    expect(lines[7]).toBe(`  3. HTML : collez tout out/042/index.html dans ${htmlField}`);
    expect(lines[9]).toBe(`  4. Texte brut : ${textField}.`);
  });

  it('asked with --target the same as template.yaml, it says the choice is kept', () => {
    expect(text({ target: 'sendy', templateTarget: 'sendy', targetFromOption: true }).split('\n')[2]).toBe('  Produit pour Sendy (target: sendy dans templates/pvd/template.yaml : chaque build le garde).');
  });
});

describe('npx pvd build N prints them last', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('after the line of what it built, with the subject and preheader of the issue and the tool it built for', () => {
    const root = makeProject();
    roots.push(root);
    editIssue(root, '042', (source) => source.replace(/^subject: .*$/m, 'subject: "Vœux 2025 & <agenda>"'));
    const result = runPvd(['build', '42', '--target', 'listmonk'], { cwd: root });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^✔ out\/042\/ : index\.html \(\d+,\d Ko\), index\.txt, issue\.eml, 10 image\(s\)$/);
    // The shipped template.yaml has no publish.to: the command asks for a destination.
    expect(lines.slice(1).join('\n')).toBe(`${text({ target: 'listmonk', targetFromOption: true, subject: 'Vœux 2025 & <agenda>', publishTo: undefined })}\n`);
  });

  it('not with --quiet, which prints only problems, nor with --stdout, nor for several issues', () => {
    const root = makeProject();
    roots.push(root);
    const quiet = runPvd(['build', '42', '--quiet'], { cwd: root });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(quiet.stderr).toBe('');
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const failing = runPvd(['build', '42', '--quiet'], { cwd: root });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toContain('unknown-section');
    expect(runPvd(['build', '42', '--stdout', 'text'], { cwd: makeProjectFor(roots) }).stdout).not.toContain('Et maintenant');
    const several = makeProjectFor(roots);
    cpSync(join(several, 'issues', '042'), join(several, 'issues', '043'), { recursive: true });
    editIssue(several, '043', (source) => source.replace(/^number: 42$/m, 'number: 43'));
    const all = runPvd(['build', '--all'], { cwd: several });
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('out/index.html : archive web de 2 numéro(s)');
    expect(all.stdout).not.toContain('Et maintenant');
  });
});

function makeProjectFor(roots: string[]): string {
  const root = makeProject();
  roots.push(root);
  return root;
}
