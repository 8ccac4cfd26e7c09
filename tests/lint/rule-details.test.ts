import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
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
    expect(only('link-placeholder', lint((source) => source.replace('https://www.cerema.fr/', '')))[0]!.message.fr).toMatch(/Lien sans adresse/);
  });
});

describe('images', () => {
  it('asks for a credit when there is none', () => {
    const [found] = only('image-credit', lint((source) => source.replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg')));
    expect(found!.message.fr).toMatch(/La photo « images\/manosque\.jpg » n'a pas de crédit/);
  });

  it('refuses a symlink that leads out of the issue folder', () => {
    const found = lint((source) => source.replace('images/toul.jpg', 'images/lien.jpg'), (root) => {
      symlinkSync(join(root, 'templates', 'pvd', 'template.yaml'), join(root, 'issues', '042', 'images', 'lien.jpg'));
    });
    expect(only('image-outside', found)).toHaveLength(1);
  });

  it('weighs images: over 300 KB, too narrow for a card; refuses what is no picture', () => {
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
        writeFileSync(join(folder(root), 'vignette.png'), png(200, 200));
        writeFileSync(join(folder(root), 'vignette-nette.png'), png(240, 240));
      },
    );
    const messages = only('image-weight', found).map((diagnostic) => diagnostic.message.fr);
    expect(messages).toHaveLength(2);
    expect(messages.join('\n')).toMatch(/images\/lourde\.gif pèse 400 Ko \(plus de 300 Ko\)/);
    // What is no JPEG, PNG or GIF by its bytes is not weighed but refused (image-format).
    expect(only('image-format', found).map((diagnostic) => [diagnostic.severity, diagnostic.message.fr.replace(/ : pvd ne la publie pas[\s\S]*/, '')])).toEqual([
      ['error', "« images/abimee.jpg » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est du texte)"],
      ['error', "« images/carte.webp » n'est pas une image JPEG, PNG ou GIF (d'après son contenu, c'est une image WEBP, que des messageries n'affichent pas)"],
    ]);
    // A card's picture sits in a 160 px slot: 240 px is enough, 200 px is not.
    expect(messages.join('\n')).toMatch(/images\/vignette\.png fait 200 px de large pour un emplacement de 160 px/);
  });
});

describe('structure', () => {
  it('reports a section written twice', () => {
    const [found] = only('section-order', lint((source) => `${source}\n## L'actu\n\n### Encore\n\nTexte.\n`));
    expect(found!.message.fr).toMatch(/« L'actu » apparaît une deuxième fois \(déjà ligne \d+\)/);
  });

  it('reports an empty item and a figure section without its figure', () => {
    const found = lint((source) => source.replace('## On parle de vous', '### Article sans texte\n\n## On parle de vous').replace(/84 %\n\n/, ''));
    const messages = only('empty-section', found).map((diagnostic) => diagnostic.message.fr);
    expect(messages.join('\n')).toMatch(/L'article « Article sans texte » n'a pas de contenu/);
  });

  it('asks for the minimum number of items', () => {
    const [found] = only('item-count', lint((source) => source.replace(/### L'ensemble de l'équipe[^\n]*\n/, '')));
    expect(found!.message.fr).toMatch(/« L'actu » a 0 article ; il en faut au moins 1/);
  });

  it('places headings: # and #### are fixable, an item before any section is not', () => {
    const found = only('heading-level', lint((source) => source.replace('## L\'actu', '# L\'actu').replace('**Chaque mois', '### Chapô\n\n**Chaque mois')));
    expect(found.map((diagnostic) => [diagnostic.message.fr.slice(0, 30), diagnostic.fix !== undefined])).toEqual([
      ['Article « ### » avant toute ru', false],
      ['Titre de niveau 1 (« # ») : le', true],
    ]);
  });
});

describe('links and text', () => {
  it('reports a dangerous link around a picture once', () => {
    const found = only('link-scheme', lint((source) => source.replace(/(\[!\[[^\]]*\]\(images\/commentry\.jpg "[^"]*"\)\]\()[^)]*\)/, '$1javascript:alert(1))')));
    expect(found).toHaveLength(1);
  });

  it('finds a bare address as a label', () => {
    const [found] = only('link-text', lint((source) => source.replace('[lauréats ici]', '[https://www.lesvictoiresdupaysage.com/]')));
    expect(found!.message.fr).toMatch(/Le texte du lien est une adresse brute/);
  });

  it('warns about a long preheader', () => {
    const [found] = only('preheader-length', lint((source) => source.replace(/^preheader: .*$/m, `preheader: "${'a'.repeat(141)}"`)));
    expect(found!.message.fr).toMatch(/fait 141 caractères : au-delà de 140/);
  });

  it.each([
    ['*|UNSUB|*', /est une balise de fusion d'un outil d'envoi/],
    ['[[UNSUB_LINK_FR]]', /est une balise de fusion d'un outil d'envoi/],
    ['[unsubscribe]', /est une balise de fusion d'un outil d'envoi/],
    ['[Name,fallback=ami]', /ressemble à une balise de fusion/],
    ['{% if contact.VILLE %}', /ressemble à une balise de fusion/],
    ['`{{ code }}`', /ressemble à une balise de fusion/],
  ])('merge-tag finds %s', (tag, message) => {
    const [found] = only('merge-tag', lint(signature(`Directrice ${tag}`)));
    expect(found!.message.fr).toMatch(message);
  });

  it('merge-tag reads the subject too', () => {
    const [found] = only('merge-tag', lint((source) => source.replace(/^subject: "/m, 'subject: "*|FNAME|*, ')));
    expect(found).toMatchObject({ line: 4, severity: 'warning' });
    expect(found!.message.fr).toMatch(/« \*\|FNAME\|\* » ressemble à une balise de fusion/);
  });

  it('suggests the nearest key for a misspelt front-matter key, on its line', () => {
    const [found] = only('front-matter', lint((source) => source.replace('status: ready', 'status: ready\ncredit: ANCT')));
    expect(found).toMatchObject({ line: 7, column: 1 });
    expect(found!.message.fr).toMatch(/Clé inconnue « credit » : vouliez-vous dire « credits » \?/);
  });
});

describe('typography-fr', () => {
  const typography = (text: string) => only('typography-fr', lint(signature(text))).map((diagnostic) => diagnostic.message.fr.slice(0, 40));

  it('finds a missing space before ! ? ; » and after «, and straight or English quotes', () => {
    expect(typography('Vraiment? Oui; «bien»! Il a dit "non" puis “oui”.')).toEqual([
      'Il manque une espace avant « ? » : en fr',
      'Il manque une espace avant « ; » : en fr',
      'Il manque une espace après « « » : écriv',
      'Il manque une espace avant « » » : écriv',
      'Il manque une espace avant « ! » : en fr',
      'Guillemets droits "…" : en français, on ',
      'Guillemets anglais “…” : en français, on',
    ]);
  });

  it('leaves addresses, times, code, winks and well-spaced text alone', () => {
    expect(typography('À 14:00 ; voir https://x.fr/?q=1!;a, pvd@anct.gouv.fr; `a!` ;) super;) « bien » ! 27" et 32"')).toEqual([]);
  });
});
