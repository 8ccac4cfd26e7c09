import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { rules } from '../../src/lint/rules/index.js';
import { makeProject } from '../helpers.js';
import { gif, lintIn, png, SOURCE_042, webp } from './support.js';

const lint = (edit: (source: string) => string, setup?: (root: string) => void): Diagnostic[] => {
  const root = makeProject();
  setup?.(root);
  return lintIn(root, edit(SOURCE_042));
};
const only = (rule: string, diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.rule === rule);
const draft = (source: string) => source.replace('status: ready', 'status: draft');
const signature = (text: string) => (source: string) => source.replace('Directrice du programme PVD', text);

describe('placeholders: a warning in a draft, an error in a ready issue', () => {
  it.each([
    ['TODO', 'TODO'], ['XXX', 'le XXX janvier'], ['lorem ipsum', 'Lorem ipsum dolor sit amet'],
    ['À compléter', 'À compléter'], ['« à compléter »', 'Texte « à compléter »'], ['[À compléter]', '[À compléter]'],
  ])('%s', (_, text) => {
    const ready = only('placeholder-text', lint(signature(text)));
    expect(ready.map((diagnostic) => diagnostic.severity)).toEqual(['error']);
    const inDraft = only('placeholder-text', lint((source) => draft(signature(text)(source))));
    expect(inDraft.map((diagnostic) => diagnostic.severity)).toEqual(['warning']);
  });

  it('finds them in the header too, at their column', () => {
    const [found] = only('placeholder-text', lint((source) => source.replace(/^subject: "/m, 'subject: "TODO ')));
    expect(found).toMatchObject({ line: 4, column: 11, severity: 'error' });
  });

  it('ignores them in HTML comments and code blocks, and ordinary words', () => {
    expect(only('placeholder-text', lint(signature('Le dossier est à compléter ; XXe siècle ; un todo de quartier\n\n<!-- TODO relire -->\n\n```\nTODO\n```')))).toEqual([]);
  });

  it('treats stand-in links the same way', () => {
    const edit = (source: string) => source.replace('https://www.cerema.fr/', 'https://www.example.com/webinaire');
    expect(only('link-placeholder', lint(edit)).map((diagnostic) => diagnostic.severity)).toEqual(['error']);
    expect(only('link-placeholder', lint((source) => draft(edit(source)))).map((diagnostic) => diagnostic.severity)).toEqual(['warning']);
    expect(only('link-placeholder', lint((source) => source.replace('https://www.cerema.fr/', '')))[0]!.messageId).toBe('empty');
  });
});

describe('images', () => {
  it('asks for a credit when there is none', () => {
    const [found] = only('image-credit', lint((source) => source.replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg')));
    expect(found).toMatchObject({ messageId: 'missing', line: 43, column: 1 });
    expect(found!.message.fr).toContain('« images/manosque.jpg »');
  });

  it('refuses a symlink that leads out of the issue folder', () => {
    const found = lint((source) => source.replace('images/toul.jpg', 'images/lien.jpg'), (root) => {
      symlinkSync(join(root, 'templates', 'pvd', 'template.yaml'), join(root, 'issues', '042', 'images', 'lien.jpg'));
    });
    expect(only('image-outside', found)).toHaveLength(1);
  });

  it('weighs images: over 300 KB, too narrow for a card stacked on a phone; refuses what is no picture', () => {
    const folder = (root: string) => join(root, 'issues', '042', 'images');
    const found = lint(
      (source) => source
        .replace('images/manosque.jpg', 'images/lourde.gif')
        .replace('images/toul.jpg', 'images/abimee.jpg')
        .replace('images/mobiliscope.jpg', 'images/carte.webp')
        .replace('images/attigny.jpg', 'images/vignette.png')
        .replace('images/lassay.jpg', 'images/vignette-nette.png'),
      (root) => {
        writeFileSync(join(folder(root), 'lourde.gif'), gif(1200, 800, 400 * 1024));
        writeFileSync(join(folder(root), 'abimee.jpg'), 'ceci n’est pas une image');
        writeFileSync(join(folder(root), 'carte.webp'), webp(1200, 800));
        writeFileSync(join(folder(root), 'vignette.png'), png(800, 600));
        writeFileSync(join(folder(root), 'vignette-nette.png'), png(828, 621));
      },
    );
    const reports = only('image-weight', found).map((diagnostic) => [diagnostic.messageId, diagnostic.line]);
    expect(reports).toEqual([['tooHeavy', 43], ['blurred', 95]]);
    // What is no JPEG, PNG or GIF by its bytes is not weighed but refused (image-format).
    expect(only('image-format', found).map((diagnostic) => [diagnostic.severity, diagnostic.line, diagnostic.message.fr.replace(/ : pvd ne la publie pas[\s\S]*/, '')])).toEqual([
      ['error', 75, "« images/abimee.jpg » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est du texte)"],
      ['error', 113, "« images/carte.webp » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est une image WEBP, que des messageries n'affichent pas)"],
    ]);
    // A card's picture is 220 px beside its text but spans the 552 px column when the card is
    // stacked on a phone: 828 px (1.5 ×) is enough, 800 px is not, though it is for 220 px.
    expect(only('image-weight', found).find((diagnostic) => diagnostic.line === 95)!.message.fr).toBe("L'image images/vignette.png fait 800 px de large et s'affiche jusqu'à 552 px : elle sera floue sur les écrans haute densité. Fournissez-en une d'au moins 828 px de large (1104 px pour qu'elle soit parfaitement nette).");
  });
});

describe('structure', () => {
  it('reports a section written twice', () => {
    const [found] = only('section-order', lint((source) => `${source}\n## L'actu\n\n### Encore\n\nTexte.\n`));
    expect(found).toMatchObject({ messageId: 'repeated', line: 155 });
    expect(found!.message.fr).toContain('(déjà ligne 24)');
  });

  it('reports an empty item and a figure section without its figure', () => {
    const found = lint((source) => source.replace('## On parle de vous', '### Article sans texte\n\n## On parle de vous').replace(/84 %\n\n/, ''));
    // The caption, now first, is taken for the figure: a sentence is no figure.
    expect(only('empty-section', found).map((diagnostic) => [diagnostic.messageId, diagnostic.line])).toEqual([['notAFigure', 35], ['emptyItem', 141]]);
  });

  it('asks for the minimum number of items', () => {
    const [found] = only('item-count', lint((source) => source.replace(/### L'ensemble de l'équipe[^\n]*\n/, '')));
    expect(found!.message.fr).toBe("La rubrique « L'actu » a 0 article ; il en faut au moins 1 : ouvrez chacun par un titre « ### ».");
  });

  it('places headings: # and #### are fixable, an item before any section is not', () => {
    const found = only('heading-level', lint((source) => source.replace('## L\'actu', '# L\'actu').replace('**Chaque mois', '### Chapô\n\n**Chaque mois')));
    expect(found.map((diagnostic) => [diagnostic.messageId, diagnostic.fix !== undefined])).toEqual([['itemBeforeSection', false], ['levelOne', true]]);
  });
});

describe('links and text', () => {
  it('reports a dangerous link around a picture once', () => {
    const found = only('link-scheme', lint((source) => source.replace(/(\[!\[[^\]]*\]\(images\/commentry\.jpg "[^"]*"\)\]\()[^)]*\)/, '$1javascript:alert(1))')));
    expect(found).toHaveLength(1);
  });

  it('finds a bare address as a label', () => {
    const [found] = only('link-text', lint((source) => source.replace('[lauréats ici]', '[https://www.lesvictoiresdupaysage.com/]')));
    expect(found!.messageId).toBe('bareAddress');
  });

  it('warns about a long preheader', () => {
    const [found] = only('preheader-length', lint((source) => source.replace(/^preheader: .*$/m, `preheader: "${'a'.repeat(141)}"`)));
    expect(found!.message.fr).toBe("Le texte d'aperçu fait 141 caractères : au-delà de 140, il est coupé. Raccourcissez-le.");
  });

  it.each([
    ['*|UNSUB|*', 'knownTag'],
    ['[[UNSUB_LINK_FR]]', 'knownTag'],
    ['[unsubscribe]', 'knownTag'],
    ['[Name,fallback=ami]', 'looksLikeTag'],
    ['{% if contact.VILLE %}', 'looksLikeTag'],
    ['`{{ code }}`', 'looksLikeTag'],
  ])('merge-tag finds %s', (tag, messageId) => {
    expect(only('merge-tag', lint(signature(`Directrice ${tag}`))).map((diagnostic) => diagnostic.messageId)).toEqual([messageId]);
  });

  it('merge-tag reads the subject too', () => {
    const [found] = only('merge-tag', lint((source) => source.replace(/^subject: "/m, 'subject: "*|FNAME|*, ')));
    expect(found).toMatchObject({ line: 4, column: 10, severity: 'warning', messageId: 'looksLikeTag' });
  });

  it('suggests the nearest key for a misspelt front-matter key, on its line', () => {
    const [found] = only('front-matter', lint((source) => source.replace('status: ready', 'status: ready\ncredit: ANCT')));
    expect(found).toMatchObject({ line: 7, column: 1, messageId: 'unknownKey' });
    expect(found!.message.fr).toBe('Clé inconnue « credit » : vouliez-vous dire « credits » ?');
  });
});

describe('typography-fr', () => {
  const typography = (text: string) => only('typography-fr', lint(signature(text))).map((diagnostic) => `${diagnostic.column} ${diagnostic.messageId}`);

  it('finds a missing space before ! ? ; » and after «, and straight or English quotes', () => {
    expect(typography('Vraiment? Oui; «bien»! Il a dit "non" puis “oui”.')).toEqual([
      '9 spaceBefore', '14 spaceBefore', '16 spaceAfterOpening', '21 spaceBeforeClosing', '22 spaceBefore', '33 straightQuotes', '44 englishQuotes',
    ]);
  });

  it('leaves addresses, times, code, winks and well-spaced text alone', () => {
    expect(typography('À 14:00 ; voir https://x.fr/?q=1!;a, pvd@anct.gouv.fr; `a!` ;) super;) « bien » ! 27" et 32"')).toEqual([]);
  });
});

/**
 * The message ids each rule's RuleTester cases expect, read from the test sources as written:
 * vitest may run each file in a worker of its own, so no set filled at run time sees them all.
 * The RuleTester checks that a case gives exactly the ids it lists, so listed is given.
 */
function testedMessageIds(): Map<string, Set<string>> {
  const tested = new Map<string, Set<string>>();
  const tests = dirname(dirname(fileURLToPath(import.meta.url)));
  for (const name of readdirSync(tests, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts')).sort()) {
    const text = readFileSync(join(tests, name), 'utf8');
    if (!text.includes('testRule(')) continue;
    const source = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
    // `import sectionOrder from '../../src/lint/rules/section-order.js'` → sectionOrder: section-order.
    const ruleOf = new Map<string, string>();
    for (const statement of source.statements) {
      const id = ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) ? /\/lint\/rules\/([a-z-]+)\.js$/.exec(statement.moduleSpecifier.text)?.[1] : undefined;
      const local = id && (statement as ts.ImportDeclaration).importClause?.name?.text;
      if (id && local) ruleOf.set(local, id);
    }
    const where = (node: ts.Node) => `${name}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    // A case built otherwise than as a literal would be missed: refuse it rather than count it out.
    const literal = <T extends ts.Node>(node: ts.Node | undefined, is: (node: ts.Node) => node is T, what: string): T => {
      if (!node || !is(node)) throw new Error(`${where(node ?? source)}: ${what} is not written as a literal, which this scan reads`);
      return node;
    };
    const property = (object: ts.ObjectLiteralExpression, key: string) =>
      object.properties.find((candidate): candidate is ts.PropertyAssignment => ts.isPropertyAssignment(candidate) && candidate.name.getText() === key)?.initializer;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'testRule') {
        const [ruleArgument, , casesArgument] = node.arguments;
        const rule = ruleOf.get(literal(ruleArgument, ts.isIdentifier, 'the rule').text);
        if (!rule) throw new Error(`${where(node)}: testRule of a rule not imported from src/lint/rules/`);
        const ids = tested.get(rule) ?? new Set<string>();
        tested.set(rule, ids);
        const cases = literal(casesArgument, ts.isObjectLiteralExpression, 'the cases');
        for (const invalid of literal(property(cases, 'invalid'), ts.isArrayLiteralExpression, 'invalid').elements) {
          for (const error of literal(property(literal(invalid, ts.isObjectLiteralExpression, 'a case'), 'errors'), ts.isArrayLiteralExpression, 'errors').elements) {
            ids.add(literal(property(literal(error, ts.isObjectLiteralExpression, 'an error'), 'messageId'), ts.isStringLiteral, 'messageId').text);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return tested;
}

describe('every message of every rule', () => {
  it('is expected by at least one RuleTester case, at its line and column', () => {
    const tested = testedMessageIds();
    const untested = rules.flatMap((rule) => Object.keys(rule.messages).filter((id) => !tested.get(rule.id)?.has(id)).map((id) => `${rule.id} ${id}`));
    expect(untested).toEqual([]);
  });

  it('is listed in the Messages table of its rule’s page, in the words the rule says it', () => {
    const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules');
    const listed = (id: string) => {
      const page = readFileSync(join(docs, `${id}.md`), 'utf8');
      const table = /^## Messages\n\n\| id \| French \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)/m.exec(page)?.[1] ?? '';
      return [...table.matchAll(/^\| `([^`]+)` \| `(.*)` \|$/gm)].map(([, messageId, text]) => `${messageId}: ${text}`);
    };
    // Every page at once, so that one run shows every gap.
    expect(Object.fromEntries(rules.map((rule) => [rule.id, listed(rule.id)])))
      .toEqual(Object.fromEntries(rules.map((rule) => [rule.id, Object.entries(rule.messages).map(([id, message]) => `${id}: ${message.fr}`)])));
  });
});
