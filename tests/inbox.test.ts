import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInbox, type InboxInput } from '../src/inbox/index.js';
import { contrastRatio, parseColor } from '../src/inbox/contrast.js';
import { loadTemplate } from '../src/template/load.js';
import type { TemplateConfig } from '../src/template/model.js';
import { REPO, editIssue, makeProject, positionAt, positionIn, runPvd } from './helpers.js';

/** `line:column` of the built out/042/index.html where `text` first appears. */
const builtAt = (root: string, text: string | RegExp) => {
  const { line, column } = positionIn(readFileSync(join(root, 'out', '042', 'index.html'), 'utf8'), text);
  return `${line}:${column}`;
};

const config: TemplateConfig = loadTemplate(REPO).config;
const GENERIC_UNSUBSCRIBE = config.urls.unsubscribe;

/** A small email around `body`, with the unsubscribe link the checks look for. */
function email(body: string, options: { footer?: string; head?: string } = {}): string {
  const footer = options.footer ?? `<p><a href="${GENERIC_UNSUBSCRIBE}">Se désinscrire</a></p>`;
  return `<!doctype html>\n<html lang="fr">\n<head>\n<title>Test</title>${options.head ?? ''}\n</head>\n<body style="background-color: #ffffff; color: #161616;">\n${body}\n${footer}\n</body>\n</html>\n`;
}

function check(html: string, text = `Se désinscrire : ${GENERIC_UNSUBSCRIBE}\n`): ReturnType<typeof checkInbox> {
  const input: InboxInput = {
    html, text, htmlFile: 'out/042/index.html', textFile: 'out/042/index.txt',
    mergeTags: { unsubscribe: GENERIC_UNSUBSCRIBE, webVersion: 'https://example.org/042/', email: undefined },
    config,
  };
  return checkInbox(input, { level: () => undefined });
}

const rules = (diagnostics: ReturnType<typeof checkInbox>) => diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.rule}`);

describe('the PVD template, built for every target', () => {
  for (const target of ['generic', 'brevo', 'mailchimp', 'mailjet', 'listmonk', 'sendy']) {
    it(`${target}: no inbox-* problem for Gmail, Apple Mail, Outlook or Yahoo`, () => {
      const root = makeProject();
      const result = runPvd(['build', '42', '--target', target], { cwd: root });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/inbox-/);
    });
  }
});

describe('inbox-size', () => {
  const padding = (kilobytes: number) => `<p>${'Lorem ipsum dolor sit amet. '.repeat(Math.ceil((kilobytes * 1024) / 28))}</p>`;

  it('is quiet under 90 KB', () => {
    expect(rules(check(email(padding(80))))).toEqual([]);
  });

  it('warns above 90 KB', () => {
    const [diagnostic] = check(email(padding(95)));
    expect(diagnostic).toMatchObject({ file: 'out/042/index.html', line: 1, column: 1, severity: 'warning', rule: 'inbox-size' });
    expect(diagnostic!.message.fr).toMatch(/^index\.html pèse 95,\d Ko, près des 102 Ko où Gmail coupe le message/);
  });

  it('is an error above 102 KB, located where Gmail cuts', () => {
    const html = email(`${padding(60)}\n<p>La suite</p>\n${padding(60)}`);
    const [diagnostic] = check(html);
    expect(diagnostic).toMatchObject({ severity: 'error', rule: 'inbox-size', line: 9 });
    const lines = html.split('\n');
    expect(Buffer.byteLength(lines.slice(0, 8).join('\n'))).toBeLessThan(102 * 1024);
    expect(Buffer.byteLength(lines.slice(0, 9).join('\n'))).toBeGreaterThan(102 * 1024);
  });

  it('fails `pvd build` (exit 1) but still writes the outputs to look at', () => {
    const root = makeProject();
    const long = Array.from({ length: 400 }, (_, index) => `Paragraphe ${index + 1} : les petites villes de demain transforment leurs centres-bourgs, rénovent l'habitat, soutiennent le commerce et accueillent de nouveaux services pour leurs habitants.`).join('\n\n');
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', `${long}\n\n## Le chiffre du mois`));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    const html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
    expect(Buffer.byteLength(html)).toBeGreaterThan(102 * 1024);
    // Located on the line Gmail's cut falls in.
    const kept = Buffer.from(html).subarray(0, 102 * 1024).toString('utf8');
    const cut = positionAt(kept, kept.length);
    expect(result.stderr).toMatch(new RegExp(`^out/042/index\\.html:${cut.line}:${cut.column}  erreur  inbox-size  index\\.html pèse ${(Buffer.byteLength(html) / 1024).toFixed(1).replace('.', ',')} Ko : Gmail coupe les messages au-delà de 102 Ko`, 'm'));
    expect(result.stderr).toContain('produit(s) avec des erreurs pour les messageries');
  });
});

describe('inbox-css', () => {
  it('reports a property an inbox ignores, once, with the inboxes and the count', () => {
    const diagnostics = check(email('<div style="display: flex; box-shadow: 0 0 2px #000;">A</div>\n<p style="box-shadow: 0 0 2px #000;">B</p>'));
    const shadow = diagnostics.find((diagnostic) => diagnostic.message.en.startsWith('"box-shadow"'));
    expect(shadow).toMatchObject({ line: 7, column: 1, severity: 'error', rule: 'inbox-css' });
    expect(shadow!.message.fr).toContain('Outlook Windows');
    expect(shadow!.message.fr).toContain('2 fois');
    expect(shadow!.message.fr).toContain('https://www.caniemail.com/features/css-box-shadow/');
    expect(diagnostics.some((diagnostic) => diagnostic.message.en.startsWith('"display:flex"'))).toBe(true);
  });

  it('matches property names exactly (text-transform is not transform, max-width is not width)', () => {
    expect(rules(check(email('<p style="text-transform: uppercase; max-width: 600px; letter-spacing: 0.5px;">A</p>')))).toEqual([]);
    expect(rules(check(email('<p style="transform: rotate(2deg);">A</p>')))).toEqual(['7:1 error inbox-css']);
  });

  it('accepts the stacked fallbacks of a hidden preheader and resets like height:auto', () => {
    const preheader = '<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">Aperçu</div>';
    expect(rules(check(email(`${preheader}\n<img src="a.png" alt="A" style="height: auto; outline: none;">`)))).toEqual([]);
  });

  it('leaves @media blocks to the inboxes that understand them', () => {
    const head = '<style>@media (prefers-color-scheme: dark) { .x { box-shadow: 0 0 2px #000 !important; } }</style>';
    expect(rules(check(email('<p class="x">A</p>', { head })))).toEqual([]);
  });

  it('fails the build of a template using CSS that Outlook ignores', () => {
    const root = makeProject();
    const cssPath = join(root, 'templates', 'pvd', 'styles.css');
    writeFileSync(cssPath, readFileSync(cssPath, 'utf8').replace('.button-cell { ', '.button-cell { border-radius: 4px; '));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    // At the first element whose inlined style holds it.
    expect(result.stderr).toContain(`out/042/index.html:${builtAt(root, /<[a-z]+ [^>]*style="[^"]*border-radius/)}  erreur  inbox-css  « border-radius » n'est pas pris en charge par Outlook Windows`);
  });

  it('uses a support table that matches the installed caniemail', async () => {
    const { buildSupportTable, formatSupportTable } = await import('../src/inbox/support-table.js');
    const data = JSON.parse(readFileSync(join(REPO, 'node_modules', 'caniemail', 'data', 'caniemail.json'), 'utf8'));
    const { version } = JSON.parse(readFileSync(join(REPO, 'node_modules', 'caniemail', 'package.json'), 'utf8'));
    const tablePath = join(REPO, 'src', 'inbox', 'caniemail-support.json');
    const fresh = formatSupportTable(buildSupportTable(data, version));
    // After upgrading caniemail: PVD_UPDATE_CANIEMAIL=1 npx vitest run tests/inbox.test.ts
    if (process.env.PVD_UPDATE_CANIEMAIL) writeFileSync(tablePath, fresh);
    expect(readFileSync(tablePath, 'utf8'), 'src/inbox/caniemail-support.json is stale: run PVD_UPDATE_CANIEMAIL=1 npx vitest run tests/inbox.test.ts').toBe(fresh);
  });
});

describe('inbox-unsubscribe', () => {
  it('is an error when no link carries the unsubscribe tag', () => {
    const diagnostics = check(email('<p>Bonjour</p>', { footer: '<p><a href="https://example.org/">Se désinscrire</a></p>' }));
    expect(rules(diagnostics)).toEqual(['6:1 error inbox-unsubscribe']);
    expect(diagnostics[0]!.message.fr).toContain(`Aucun lien de désinscription vers ${GENERIC_UNSUBSCRIBE}`);
  });

  it('warns when the link does not say « Se désinscrire »', () => {
    expect(rules(check(email('<p>Bonjour</p>', { footer: `<p><a href="${GENERIC_UNSUBSCRIBE}">Unsubscribe</a></p>` })))).toEqual(['8:4 warning inbox-unsubscribe']);
  });

  it('is an error, located in index.txt, when the plaintext lacks the tag', () => {
    const diagnostics = check(email('<p>Bonjour</p>'), 'Bonjour\n\nAu revoir\n');
    expect(diagnostics).toMatchObject([{ file: 'out/042/index.txt', severity: 'error', rule: 'inbox-unsubscribe' }]);
  });

  it('fails the build when the template loses its unsubscribe link', () => {
    const root = makeProject();
    const footerPath = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    writeFileSync(footerPath, readFileSync(footerPath, 'utf8').replace('<a href="{{mergeTags.unsubscribe}}">Se désinscrire</a>', 'Se désinscrire'));
    const result = runPvd(['build', '42', '--target', 'mailchimp'], { cwd: root });
    expect(result.code).toBe(1);
    // No link to point at: the body, where it belongs.
    expect(result.stderr).toContain(`out/042/index.html:${builtAt(root, '<body')}  erreur  inbox-unsubscribe  Aucun lien de désinscription vers *|UNSUB|*`);
  });
});

describe('inbox-contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio(parseColor('#000')!, parseColor('#ffffff')!)).toBeCloseTo(21, 5);
    expect(contrastRatio(parseColor('#777777')!, parseColor('white')!)).toBeCloseTo(4.48, 2);
    expect(contrastRatio(parseColor('rgb(0, 0, 145)')!, parseColor('#ffffff')!)).toBeGreaterThan(4.5);
  });

  it('reports light text on a light background, inherited colours and bgcolor included', () => {
    const html = email('<table><tr><td bgcolor="#eeeeee" style="color: #999999;"><p>Pâle</p><p style="color: #161616;">Lisible</p></td></tr></table>');
    const diagnostics = check(html);
    expect(rules(diagnostics)).toEqual(['7:58 error inbox-contrast']);
    expect(diagnostics[0]!.message.fr).toMatch(/^Texte #999999 sur fond #eeeeee : contraste 2,\d\d:1, il faut au moins 4,5:1/);
  });

  it('ignores hidden text such as the preheader', () => {
    expect(rules(check(email('<div style="display:none; color: #eeeeee;">Aperçu</div>')).filter((diagnostic) => diagnostic.rule === 'inbox-contrast'))).toEqual([]);
  });

  it('fails the build of a template whose muted colour is too pale', () => {
    const root = makeProject();
    const yamlPath = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/muted: "#[0-9a-f]{6}"/i, 'muted: "#aaaaaa"'));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    // The first text in the muted colour: the date line of the header.
    expect(result.stderr).toContain(`out/042/index.html:${builtAt(root, '<h1')}  erreur  inbox-contrast  Texte #aaaaaa sur fond #ffffff : contraste 2,32:1`);
  });
});

describe('inbox-image-alt', () => {
  it('is an error for an image without alt, a warning for a linked image with an empty one', () => {
    const diagnostics = check(email('<img src="https://example.org/a.png">\n<a href="https://example.org/"><img src="https://example.org/b.png" alt=""></a>\n<img src="https://example.org/c.png" alt="">'));
    expect(rules(diagnostics)).toEqual(['7:1 error inbox-image-alt', '8:32 warning inbox-image-alt']);
    expect(diagnostics[0]!.message.fr).toContain("L'image a.png n'a pas d'attribut alt");
  });

  it('fails the build of a template whose logo lost its alt', () => {
    const root = makeProject();
    const headerPath = join(root, 'templates', 'pvd', 'partials', 'header.hbs');
    writeFileSync(headerPath, readFileSync(headerPath, 'utf8').replace(/ alt="\{\{logo\.alt\}\}"/, ''));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`out/042/index.html:${builtAt(root, /<img [^>]*logo-pvd\.png/)}  erreur  inbox-image-alt  L'image logo-pvd.png n'a pas d'attribut alt`);
  });
});

describe('inbox checks in English', () => {
  it('speak English with --lang en', () => {
    const root = makeProject();
    const yamlPath = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/muted: "#[0-9a-f]{6}"/i, 'muted: "#aaaaaa"'));
    const result = runPvd(['build', '42', '--lang', 'en'], { cwd: root });
    expect(result.stderr).toMatch(/inbox-contrast +Text #aaaaaa on background #ffffff: contrast 2\.32:1/);
  });
});

describe('inbox checks set like lint rules', () => {
  it('knows every check by the id template.yaml may name', async () => {
    const { INBOX_CHECKS } = await import('../src/inbox/index.js');
    const { INBOX_CHECK_IDS } = await import('../src/inbox/ids.js');
    expect(INBOX_CHECKS.map((check) => check.id)).toEqual([...INBOX_CHECK_IDS]);
  });

  it('takes its level from template.yaml, is switched off there or by a comment in the issue', () => {
    const root = makeProject();
    const templateYaml = join(root, 'templates', 'pvd', 'template.yaml');
    // An unsubscribe link the footer lacks: the build's HTML has no link to the tag.
    const footer = join(root, 'templates', 'pvd', 'partials', 'footer.hbs');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace(/href="\{\{mergeTags\.unsubscribe\}\}"/g, 'href="https://example.org/"'));
    const build = () => runPvd(['build', '42'], { cwd: root });
    const withRules = (rules: string) => writeFileSync(templateYaml, readFileSync(join(REPO, 'templates', 'pvd', 'template.yaml'), 'utf8').replace('rules: {}', rules));

    expect(build().stderr).toContain(`out/042/index.html:${builtAt(root, '<body')}  erreur  inbox-unsubscribe  Aucun lien de désinscription`);
    withRules('rules:\n  inbox-unsubscribe: warning');
    const warned = build();
    expect(warned.stderr).toMatch(/avertissement {2}inbox-unsubscribe/);
    expect(warned.stderr).not.toMatch(/erreur {2}inbox-unsubscribe/);
    withRules('rules:\n  inbox-unsubscribe: off');
    expect(build().stderr).not.toContain('inbox-unsubscribe');
    withRules('rules: {}');
    editIssue(root, '042', (source) => source.replace('\n## L\'actu', "\n<!-- pvd-disable inbox-unsubscribe -->\n\n## L'actu"));
    expect(build().stderr).not.toContain('inbox-unsubscribe');
  });

  it('refuses a rule id nobody knows, in every command, where it is written', () => {
    const root = makeProject();
    const templateYaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(templateYaml, readFileSync(templateYaml, 'utf8').replace('rules: {}', 'rules:\n  typographie-fr: off'));
    const line = readFileSync(templateYaml, 'utf8').split('\n').findIndex((text) => text.includes('typographie-fr')) + 1;
    // new and words add run no rule, and refuse it all the same: nothing is written.
    for (const args of [['lint'], ['build', '42'], ['new', '--yes'], ['words', 'add', 'Zorglubville']]) {
      const result = runPvd(args, { cwd: root });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(`templates/pvd/template.yaml:${line}:3  rules — règle inconnue « typographie-fr » : vouliez-vous dire « typography-fr » ?\n`);
    }
    expect(existsSync(join(root, 'issues', '043'))).toBe(false);
    expect(readFileSync(join(root, 'templates', 'pvd', 'mots.txt'), 'utf8')).not.toContain('Zorglubville');
  });
});
