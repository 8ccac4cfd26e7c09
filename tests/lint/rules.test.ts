import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/lint/rules/index.js';
import datePast from '../../src/lint/rules/date-past.js';
import controlCharacter from '../../src/lint/rules/control-character.js';
import dateWeekday from '../../src/lint/rules/date-weekday.js';
import doubleSpace from '../../src/lint/rules/double-space.js';
import emptySection from '../../src/lint/rules/empty-section.js';
import headingLevel from '../../src/lint/rules/heading-level.js';
import houseStyle from '../../src/lint/rules/house-style.js';
import imageAlt from '../../src/lint/rules/image-alt.js';
import imageCredit from '../../src/lint/rules/image-credit.js';
import imageFormat from '../../src/lint/rules/image-format.js';
import imageHttps from '../../src/lint/rules/image-https.js';
import imageMissing from '../../src/lint/rules/image-missing.js';
import imageName from '../../src/lint/rules/image-name.js';
import imageOutside from '../../src/lint/rules/image-outside.js';
import imageWeight from '../../src/lint/rules/image-weight.js';
import itemCount from '../../src/lint/rules/item-count.js';
import linkPlaceholder from '../../src/lint/rules/link-placeholder.js';
import linkScheme from '../../src/lint/rules/link-scheme.js';
import linkText from '../../src/lint/rules/link-text.js';
import mergeTag from '../../src/lint/rules/merge-tag.js';
import numberMatchesFolder from '../../src/lint/rules/number-matches-folder.js';
import numberUnique from '../../src/lint/rules/number-unique.js';
import placeholderText from '../../src/lint/rules/placeholder-text.js';
import preheaderLength from '../../src/lint/rules/preheader-length.js';
import rawHtml from '../../src/lint/rules/raw-html.js';
import requiredSection from '../../src/lint/rules/required-section.js';
import sectionOrder from '../../src/lint/rules/section-order.js';
import spelling from '../../src/lint/rules/spelling.js';
import subjectLength from '../../src/lint/rules/subject-length.js';
import trailingSpace from '../../src/lint/rules/trailing-space.js';
import typographyFr from '../../src/lint/rules/typography-fr.js';
import unknownSection from '../../src/lint/rules/unknown-section.js';
import unsupportedMarkdown from '../../src/lint/rules/unsupported-markdown.js';
import { makeProject } from '../helpers.js';
import { testRule } from './rule-tester.js';
import { gif, lintIn, SOURCE_042 } from './support.js';

type Edit = (source: string) => string;
const replace = (from: string | RegExp, to: string): Edit => (source) => {
  const result = source.replace(from, to);
  if (result === source) throw new Error(`example does not apply: ${String(from)}`);
  return result;
};
const same: Edit = (source) => source;
const VOIR_AUSSI = /## Voir aussi[\s\S]*$/;

/** The smallest issue every rule accepts: the catalog's required sections, nothing else. */
const MINIMAL = `---
number: 42
date: 2024-12-16
subject: "Rencontres PACA, baromètre AFL et agenda de janvier"
preheader: "Ce mois-ci : les rencontres régionales PACA et le baromètre de l'AFL."
status: ready
credits: [ANCT]
---

Chaque mois, l'actualité du programme.

## L'actu

### Une nouvelle

Un texte.

## Le chiffre du mois

84 %

des Françaises et des Français.

## La projetothèque

### Un projet

Un texte.
`;
/** MINIMAL with some Markdown added at its end, in the projetothèque's item. */
const withBody = (markdown: string) => `${MINIMAL}\n${markdown}\n`;

describe('every rule', () => {
  it('has metadata, messages and a one-line description in both languages', () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      for (const text of [rule.description.fr, rule.description.en]) expect(text).not.toContain('\n');
    }
    expect(rules.filter((rule) => rule.fixable).map((rule) => rule.id).sort()).toEqual(['double-space', 'heading-level', 'house-style', 'trailing-space', 'typography-fr']);
  });

  it('passes the shipped issue #42 and the minimal issue with no problem at all', () => {
    const root = makeProject();
    expect(lintIn(root, SOURCE_042)).toEqual([]);
    expect(lintIn(root, MINIMAL)).toEqual([]);
  });
});

testRule(numberMatchesFolder, SOURCE_042, {
  valid: [{ code: replace('number: 42', 'number: 43'), folder: '043' }],
  invalid: [
    { name: 'a number that is not its folder’s', code: same, folder: '043', errors: [{ messageId: 'mismatch', line: 2, column: 9 }] },
    { name: 'a folder that is not three digits', code: same, folder: 'brouillon', errors: [{ messageId: 'folderName', line: 2, column: 9 }] },
  ],
});

testRule(numberUnique, SOURCE_042, {
  valid: [{ code: replace('number: 42', 'number: 43'), folder: '043' }],
  invalid: [
    { name: 'the number of issues/042 again', code: same, folder: '043', errors: [{ messageId: 'duplicate', line: 2, column: 9 }] },
    {
      name: 'a number declared with a quoted key, past a long header',
      code: replace('number: 42', 'number: 43'), folder: '043',
      setup: (root) => writeFileSync(join(root, 'issues', '042', 'issue.md'), SOURCE_042.replace('number: 42', `"number": 43\n# ${'long commentaire '.repeat(400)}`)),
      errors: [{ messageId: 'duplicate', line: 2, column: 9 }],
    },
  ],
});

testRule(requiredSection, SOURCE_042, {
  valid: [{ code: replace('## Le chiffre du mois', '## LE CHIFFRE DU MOIS') }],
  invalid: [{ code: replace(/## Le chiffre du mois[\s\S]*?(?=## L'image du mois)/, ''), errors: [{ messageId: 'missing', line: 148, column: 1 }] }],
});

testRule(unknownSection, SOURCE_042, {
  valid: [{ code: replace('## Le chiffre du mois', '## Notre chiffre {#chiffre}') }],
  invalid: [
    { code: replace('## Le chiffre du mois', '## Le chifre du mois'), errors: [{ messageId: 'didYouMean', line: 33, column: 1 }] },
    { code: replace('## Le chiffre du mois', '## Notre chiffre {#nombre}'), errors: [{ messageId: 'unknownId', line: 33, column: 1 }] },
    { code: replace('## Voir aussi', '## Divers'), errors: [{ messageId: 'unknown', line: 151, column: 1 }] },
  ],
});

testRule(sectionOrder, SOURCE_042, {
  valid: [{ code: replace(/## On parle de vous[\s\S]*?(?=## Voir aussi)/, '') }],
  invalid: [
    {
      name: 'a section above one it follows in the catalog',
      code: (source) => source.replace(VOIR_AUSSI, '').replace("## L'actu", `${VOIR_AUSSI.exec(source)![0]}\n## L'actu`),
      errors: [{ messageId: 'moveDown', line: 24, column: 1 }],
    },
    {
      name: 'a section moved up, among sections in order',
      code: (source) => {
        const presse = /## On parle de vous[\s\S]*?(?=## Voir aussi)/.exec(source)![0];
        return source.replace(presse, '').replace('## Le Club\n', `${presse}## Le Club\n`);
      },
      errors: [{ messageId: 'moveDown', line: 59, column: 1 }],
    },
    {
      name: 'a section moved down, below one it comes before',
      code: (source) => {
        const club = /## Le Club\n[\s\S]*?(?=## Le Club départemental)/.exec(source)![0];
        return source.replace(club, '').replace('## Voir aussi', `${club}## Voir aussi`);
      },
      errors: [{ messageId: 'moveUp', line: 139, column: 1 }],
    },
    { name: 'a section twice', code: (source) => `${source}\n## L'actu\n\n### Encore\n\nTexte.\n`, errors: [{ messageId: 'repeated', line: 155, column: 1 }] },
  ],
});

testRule(emptySection, MINIMAL, {
  valid: [{ code: withBody('## Voir aussi\n\n- [Le site du programme](https://agence-cohesion-territoires.gouv.fr/)') }, { code: replace('84 %', '4 430') }, { code: replace('84 %', '1 sur 3') }],
  invalid: [
    { code: withBody('## Voir aussi'), errors: [{ messageId: 'emptySection', line: 30, column: 1 }] },
    { code: replace('### Une nouvelle\n\nUn texte.\n', '### Une nouvelle\n'), errors: [{ messageId: 'emptyItem', line: 14, column: 1 }] },
    { code: replace('84 %\n\ndes Françaises et des Français.\n', ''), errors: [{ messageId: 'noFigure', line: 18, column: 1 }] },
    { name: 'a caption where the figure goes', code: replace('84 %\n\n', ''), errors: [{ messageId: 'notAFigure', line: 20, column: 1 }] },
  ],
});

testRule(itemCount, SOURCE_042, {
  valid: [{ code: replace('## Le Club\n', '## Le Club\n\n### Un autre sujet\n\nTexte.\n') }],
  invalid: [
    { code: replace('## Le Club\n', '## Le Club\n\n### Un premier sujet\n\nTexte.\n\n### Un deuxième sujet\n\nTexte.\n'), errors: [{ messageId: 'tooMany', line: 69, column: 1 }] },
    { code: replace(/### L'ensemble[^\n]*\n/, ''), errors: [{ messageId: 'tooFew', line: 24, column: 1 }] },
  ],
});

testRule(imageAlt, SOURCE_042, {
  valid: [{ code: replace(/!\[[^\]]*\]\(images\/manosque\.jpg/, '![Les élus réunis à Manosque](images/manosque.jpg') }],
  invalid: [{ code: replace(/!\[[^\]]*\]\(images\/manosque\.jpg/, '![ ](images/manosque.jpg'), errors: [{ messageId: 'missing', line: 43, column: 1 }] }],
});

testRule(imageMissing, SOURCE_042, {
  valid: [{ code: replace('images/toul.jpg', 'images/./toul.jpg') }],
  invalid: [{ name: 'a name whose case differs', code: replace('images/toul.jpg', 'images/Toul.JPG'), errors: [{ messageId: 'missing', line: 75, column: 1 }] }],
});

testRule(imageOutside, SOURCE_042, {
  valid: [{ code: replace('images/toul.jpg', 'https://agence-cohesion-territoires.gouv.fr/toul.jpg') }],
  invalid: [
    { code: replace('images/toul.jpg', '../../templates/pvd/template.yaml'), errors: [{ messageId: 'outside', line: 75, column: 1 }] },
    { code: replace('images/toul.jpg', 'data:image/svg+xml,<svg/>'), errors: [{ messageId: 'outside', line: 75, column: 1 }] },
    {
      // Inside by its path, but the same file as one outside the folder.
      name: 'a picture with a second name outside the issue',
      code: same,
      setup: (root) => linkSync(join(root, 'issues', '042', 'images', 'toul.jpg'), join(root, 'ailleurs.jpg')),
      errors: [{ messageId: 'hardLink', line: 75, column: 1 }],
    },
  ],
});

testRule(imageFormat, SOURCE_042, {
  valid: [{ code: replace('images/manosque.jpg', 'images/carte.gif'), setup: (root) => writeFileSync(join(root, 'issues', '042', 'images', 'carte.gif'), gif(900, 600)) }],
  invalid: [
    {
      name: 'an SVG with a script, named .jpg',
      code: replace('images/manosque.jpg', 'images/carte.jpg'),
      setup: (root) => writeFileSync(join(root, 'issues', '042', 'images', 'carte.jpg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
      errors: [{ messageId: 'notAnImage', line: 43, column: 1 }],
    },
    {
      name: 'a GIF named .html',
      code: replace('images/manosque.jpg', 'images/carte.html'),
      setup: (root) => writeFileSync(join(root, 'issues', '042', 'images', 'carte.html'), gif(900, 600)),
      errors: [{ messageId: 'wrongExtension', line: 43, column: 1 }],
    },
    {
      name: 'a folder named like a picture',
      code: replace('images/manosque.jpg', 'images/carte.jpg'),
      setup: (root) => mkdirSync(join(root, 'issues', '042', 'images', 'carte.jpg')),
      errors: [{ messageId: 'notAFile', line: 43, column: 1 }],
    },
    {
      name: 'a GIF cut short',
      code: replace('images/manosque.jpg', 'images/carte.gif'),
      setup: (root) => writeFileSync(join(root, 'issues', '042', 'images', 'carte.gif'), gif(900, 600).subarray(0, 20)),
      errors: [{ messageId: 'notWellFormed', line: 43, column: 1 }],
    },
    {
      // A file the system will not open, whoever runs the tests (root reads a file of mode 000): a Unix socket, ENXIO.
      name: 'a file the system refuses to open',
      code: replace('images/manosque.jpg', 'images/prise.jpg'),
      setup: (root) => {
        const socket = join(root, 'issues', '042', 'images', 'prise.jpg');
        // A child that exits without closing its server leaves the socket file behind.
        const made = spawnSync(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => process.exit(0))`]);
        if (made.status !== 0) throw new Error(`no socket: ${made.stderr}`);
      },
      errors: [{ messageId: 'unreadable', line: 43, column: 1 }],
    },
  ],
});

testRule(imageName, SOURCE_042, {
  valid: [{
    code: replace('images/manosque.jpg', 'autres/manosque-bis.jpg'),
    setup: (root) => {
      mkdirSync(join(root, 'issues', '042', 'autres'));
      writeFileSync(join(root, 'issues', '042', 'autres', 'manosque-bis.jpg'), readFileSync(join(root, 'issues', '042', 'images', 'manosque.jpg')));
    },
  }],
  invalid: [{
    // Reported where the second picture of that name appears: autres/toul.jpg came first.
    name: 'two pictures published under one name',
    code: replace('images/manosque.jpg', 'autres/toul.jpg'),
    setup: (root) => {
      mkdirSync(join(root, 'issues', '042', 'autres'));
      writeFileSync(join(root, 'issues', '042', 'autres', 'toul.jpg'), readFileSync(join(root, 'issues', '042', 'images', 'manosque.jpg')));
    },
    errors: [{ messageId: 'sameName', line: 75, column: 1 }],
  }],
});

testRule(imageHttps, SOURCE_042, {
  valid: [{ code: replace('images/toul.jpg', 'https://agence-cohesion-territoires.gouv.fr/toul.jpg') }],
  invalid: [
    { name: 'http in a ready issue', code: replace('images/toul.jpg', 'http://agence-cohesion-territoires.gouv.fr/toul.jpg'), errors: [{ messageId: 'plainHttp', line: 75, column: 1, severity: 'error' }] },
    { name: 'http in a draft', code: (source) => replace('images/toul.jpg', 'http://agence-cohesion-territoires.gouv.fr/toul.jpg')(source).replace('status: ready', 'status: draft'), errors: [{ messageId: 'plainHttp', line: 75, column: 1, severity: 'warning' }] },
  ],
});

testRule(imageCredit, SOURCE_042, {
  // A leading © or (c), the case and the accents do not matter.
  valid: [{ code: replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg "(c) anct"') }],
  invalid: [
    { code: replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg "© Studio Inconnu"'), errors: [{ messageId: 'notListed', line: 43, column: 1 }] },
    { code: replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg'), errors: [{ messageId: 'missing', line: 43, column: 1 }] },
  ],
});

const images = (root: string) => {
  writeFileSync(join(root, 'issues', '042', 'images', 'narrow.gif'), gif(600, 400));
  writeFileSync(join(root, 'issues', '042', 'images', 'wide.gif'), gif(900, 600));
  writeFileSync(join(root, 'issues', '042', 'images', 'heavy.gif'), gif(900, 600, 301 * 1024));
  writeFileSync(join(root, 'issues', '042', 'images', 'huge.gif'), gif(900, 600, 1025 * 1024));
  // Whole, but of width 0: no dimensions to read.
  writeFileSync(join(root, 'issues', '042', 'images', 'flat.gif'), gif(0, 0));
};
testRule(imageWeight, SOURCE_042, {
  valid: [
    { code: replace('images/manosque.jpg', 'images/wide.gif'), setup: images },
    { name: 'a heavier picture when the option allows it', code: replace('images/manosque.jpg', 'images/heavy.gif'), setup: images, setting: { level: 'warning', maxKilobytes: 400 } },
  ],
  invalid: [
    { name: 'a picture too narrow for its 508 px slot', code: replace('images/manosque.jpg', 'images/narrow.gif'), setup: images, errors: [{ messageId: 'blurred', line: 43, column: 1 }] },
    { name: 'a picture over 300 KB', code: replace('images/manosque.jpg', 'images/heavy.gif'), setup: images, errors: [{ messageId: 'tooHeavy', line: 43, column: 1 }] },
    { name: 'a picture over 1 MB in a ready issue', code: replace('images/manosque.jpg', 'images/huge.gif'), setup: images, errors: [{ messageId: 'overLimit', line: 43, column: 1, severity: 'error' }] },
    { name: 'a picture over 1 MB in a draft', code: (source) => replace('images/manosque.jpg', 'images/huge.gif')(source).replace('status: ready', 'status: draft'), setup: images, errors: [{ messageId: 'overLimit', line: 43, column: 1, severity: 'warning' }] },
    { name: 'a picture whose width cannot be read', code: replace('images/manosque.jpg', 'images/flat.gif'), setup: images, errors: [{ messageId: 'unreadable', line: 43, column: 1 }] },
  ],
});

testRule(linkPlaceholder, SOURCE_042, {
  valid: [{ code: replace('https://www.cerema.fr/', 'https://www.example-ville.fr/') }],
  invalid: [
    { code: replace('https://www.cerema.fr/', '#'), errors: [{ messageId: 'standIn', line: 141, column: 1 }] },
    { code: replace('(https://www.cerema.fr/)', '()'), errors: [{ messageId: 'empty', line: 141, column: 1 }] },
    { code: (source) => replace('https://www.cerema.fr/', 'https://example.com/')(source).replace('status: ready', 'status: draft'), errors: [{ messageId: 'standIn', line: 141, column: 1, severity: 'warning' }] },
  ],
});

testRule(linkScheme, SOURCE_042, {
  valid: [{ code: replace('https://www.cerema.fr/', 'tel:+33100000000') }, { code: replace('https://www.cerema.fr/', '[ville,fallback=https://anct.gouv.fr]') }],
  invalid: [
    { code: replace('https://www.cerema.fr/', 'JavaScript:alert(1)'), errors: [{ messageId: 'dangerous', line: 141, column: 1 }] },
    { name: 'javascript: as a merge tag’s fallback', code: replace('https://www.cerema.fr/', '[ville,fallback=javascript:alert(1)]'), errors: [{ messageId: 'dangerous', line: 141, column: 1 }] },
    { code: replace('https://www.cerema.fr/', 'ftp://anct.gouv.fr/'), errors: [{ messageId: 'otherScheme', line: 141, column: 1 }] },
    { code: replace('https://www.cerema.fr/', 'inscription.html'), errors: [{ messageId: 'relative', line: 141, column: 1 }] },
    { name: 'an anchor, which an email does not have', code: replace('https://www.cerema.fr/', '#agenda'), errors: [{ messageId: 'anchor', line: 141, column: 1 }] },
  ],
});

testRule(linkText, SOURCE_042, {
  valid: [{ code: replace('[lauréats ici]', '[la liste des lauréats]') }],
  invalid: [
    { code: replace('[lauréats ici]', '[Cliquez ici !]'), errors: [{ messageId: 'vague', line: 153, column: 216 }] },
    { name: 'a link with no text', code: replace('[lauréats ici]', '[…]'), errors: [{ messageId: 'empty', line: 153, column: 216 }] },
    { code: replace('[lauréats ici]', '[https://www.lesvictoiresdupaysage.com/]'), errors: [{ messageId: 'bareAddress', line: 153, column: 216 }] },
  ],
});

testRule(subjectLength, SOURCE_042, {
  valid: [{ code: replace(/^subject: .*$/m, `subject: "${'é'.repeat(70)}"`) }, { code: replace(/^subject: .*$/m, `subject: "${'x'.repeat(80)}"`), setting: { max: 80 } }],
  invalid: [{ code: replace(/^subject: .*$/m, `subject: "${'x'.repeat(71)}"`), errors: [{ messageId: 'tooLong', line: 4, column: 10 }] }],
});

testRule(preheaderLength, SOURCE_042, {
  valid: [{ code: replace(/^preheader: .*$/m, `preheader: "${'a'.repeat(40)}"`) }, { code: replace(/^preheader: .*$/m, 'preheader: "Trop court"'), setting: { min: 10 } }],
  invalid: [
    { code: replace(/^preheader: .*$/m, 'preheader: "Trop court"'), errors: [{ messageId: 'tooShort', line: 5, column: 12 }] },
    { code: replace(/^preheader: .*$/m, `preheader: "${'a'.repeat(141)}"`), errors: [{ messageId: 'tooLong', line: 5, column: 12 }] },
  ],
});

testRule(placeholderText, SOURCE_042, {
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice du programme PVD, le dossier est à compléter avant le XXIe siècle') }],
  invalid: [
    { code: replace('Directrice du programme PVD', 'TODO vérifier le titre'), errors: [{ messageId: 'standIn', line: 31, column: 1 }] },
    { code: replace('Directrice du programme PVD', 'Directrice « À compléter »'), errors: [{ messageId: 'standIn', line: 31, column: 12 }] },
    { name: 'in a draft, a warning', code: (source) => replace('Directrice du programme PVD', 'XXX')(source).replace('status: ready', 'status: draft'), errors: [{ messageId: 'standIn', line: 31, column: 1, severity: 'warning' }] },
  ],
});

testRule(rawHtml, SOURCE_042, {
  valid: [{ code: replace('**Dominique Consille**', '<!-- signature -->\n**Dominique Consille**') }],
  invalid: [
    { code: replace('**Dominique Consille**', '<b>Dominique Consille</b>'), errors: [{ messageId: 'refused', line: 30, column: 1 }, { messageId: 'refused', line: 30, column: 22 }] },
    { code: replace('**Dominique Consille**\\\n', '<div>Dominique Consille</div>\n\n'), errors: [{ messageId: 'refused', line: 30, column: 1 }] },
  ],
});

testRule(mergeTag, SOURCE_042, {
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice du programme PVD [sic], [Email](mailto:pvd@anct.gouv.fr)') }],
  invalid: [
    { code: replace('Directrice du programme PVD', 'Bonjour {{ contact.PRENOM }}'), errors: [{ messageId: 'looksLikeTag', line: 31, column: 9 }] },
    { code: replace('Directrice du programme PVD', 'Désinscription : *|UNSUB|*'), errors: [{ messageId: 'knownTag', line: 31, column: 18 }] },
    { name: 'a tag written with character references', code: replace('Directrice du programme PVD', 'Bonjour &#123;&#123; contact.PRENOM }}'), errors: [{ messageId: 'looksLikeTag', line: 31, column: 1 }] },
    { name: 'a tag written with backslash escapes', code: replace('Directrice du programme PVD', 'Bonjour \\{\\{ contact.PRENOM }}'), errors: [{ messageId: 'looksLikeTag', line: 31, column: 10 }] },
    { name: 'a tag in code', code: replace('Directrice du programme PVD', 'Le code `*|FNAME|*`'), errors: [{ messageId: 'looksLikeTag', line: 31, column: 10 }] },
    { name: 'a tag in the subject', code: replace(/^subject: .*$/m, 'subject: "Bonjour *|FNAME|*"'), errors: [{ messageId: 'looksLikeTag', line: 4, column: 10 }] },
  ],
});

const FIGURE_LINE = SOURCE_042.split('\n').findIndex((line) => line === '84 %') + 1;
testRule(unsupportedMarkdown, MINIMAL, {
  valid: [
    { code: withBody('> **Un titre**\n> ligne deux') }, { code: withBody('- point un\n\n  suite du point un') },
    { code: withBody('Voir [le programme][pvd], et [encore][PVD].\n\n[pvd]: https://agence-cohesion-territoires.gouv.fr/') },
  ],
  invalid: [
    { name: 'a link in the figure', code: () => SOURCE_042.replace(/^84 %$/m, '84 % [selon l’AFL](https://www.afl.fr/)'), errors: [{ messageId: 'link-in-figure', line: FIGURE_LINE, column: 6 }] },
    { name: 'a link definition no link uses', code: withBody('Un texte.\n\n[S\'inscrire au webinaire]: https://www.cerema.fr/inscription'), errors: [{ messageId: 'unused-definition', line: 32, column: 1 }] },
    { name: 'a heading inside a quote', code: withBody('> # Titre\n> ligne deux'), errors: [{ messageId: 'heading-in-quote', line: 30, column: 3 }] },
    { name: 'code indented inside a list item', code: withBody('- point un\n\n      du code'), errors: [{ messageId: 'block-in-list', line: 32, column: 3 }] },
    { name: 'a quote inside a list item', code: withBody('- point un\n\n  > une citation'), errors: [{ messageId: 'block-in-list', line: 32, column: 3 }] },
    { name: 'a horizontal rule', code: withBody('Un texte.\n\n***'), errors: [{ messageId: 'thematic-break', line: 32, column: 1, severity: 'warning' }] },
    { name: 'a link with a title', code: withBody('Voir [le site](https://agence-cohesion-territoires.gouv.fr/ "Site de l’Agence").'), errors: [{ messageId: 'link-title', line: 30, column: 6, severity: 'warning' }] },
    { name: 'a button whose definition has a title', code: withBody('[S’inscrire][inscription]\n\n[inscription]: https://www.cerema.fr/inscription "Inscription"'), errors: [{ messageId: 'link-title', line: 30, column: 1, severity: 'warning' }] },
  ],
});

testRule(typographyFr, SOURCE_042, {
  valid: [
    { code: replace('Directrice du programme PVD', 'Rendez-vous à 14:00 sur https://x.fr/?q=1!;a ou `code!` ;)') },
    { name: 'quotes inside a merge tag and a URL', code: replace('Directrice du programme PVD', 'Bonjour {{ contact.PRENOM | default: "ami" }} : https://x.fr/?q="a"') },
    // An address written without https:// is an address too: --fix turned q="mairie" into q=« mairie ».
    { name: 'quotes inside a merge tag that runs over a line break', code: replace('Directrice du programme PVD', 'Bonjour {{ contact.NOM |\ndefault: "cher lecteur" }}, bienvenue') },
    { name: 'quotes inside a bare domain\'s address', code: replace('Directrice du programme PVD', 'Recherche sur exemple.fr/recherche?q="mairie" et ex.org/?a="b"') },
  ],
  invalid: [
    { code: replace('Inscrivez-vous !', 'Inscrivez-vous!'), errors: [{ messageId: 'spaceBefore', line: 69, column: 16 }], output: SOURCE_042 },
    {
      code: replace('Directrice du programme PVD', 'Elle a dit "bonjour" et «merci»'),
      errors: [{ messageId: 'straightQuotes', line: 31, column: 12 }, { messageId: 'spaceAfterOpening', line: 31, column: 25 }, { messageId: 'spaceBeforeClosing', line: 31, column: 31 }],
      output: SOURCE_042.replace('Directrice du programme PVD', 'Elle a dit « bonjour » et « merci »'),
    },
    {
      code: replace('Directrice du programme PVD', 'Elle a dit “bonjour”'),
      errors: [{ messageId: 'englishQuotes', line: 31, column: 12 }],
      output: SOURCE_042.replace('Directrice du programme PVD', 'Elle a dit « bonjour »'),
    },
  ],
});

testRule(trailingSpace, SOURCE_042, {
  // Code keeps its spaces: a fenced block is not prose.
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice du programme PVD\n\n```\nligne de code   \n```') }],
  invalid: [
    { code: replace('Directrice du programme PVD', 'Directrice du programme PVD   '), errors: [{ messageId: 'trailing', line: 31, column: 28 }], output: SOURCE_042 },
    { name: 'two spaces that make a line break', code: replace('**Dominique Consille**\\', '**Dominique Consille**  '), errors: [{ messageId: 'hardBreak', line: 30, column: 23 }], output: SOURCE_042 },
  ],
});

testRule(headingLevel, SOURCE_042, {
  valid: [{ code: replace('### Mobiliscope', '### Mobiliscope ###') }],
  invalid: [
    { code: replace('### Mobiliscope', '#### Mobiliscope'), errors: [{ messageId: 'tooDeep', line: 111, column: 1 }], output: SOURCE_042 },
    { code: replace("## L'actu", "# L'actu"), errors: [{ messageId: 'levelOne', line: 24, column: 1 }], output: SOURCE_042 },
    { name: 'an item before any section', code: replace("## L'actu\n\n", ''), errors: [{ messageId: 'itemBeforeSection', line: 24, column: 1 }], output: null },
    {
      name: 'an underlined heading, which opens a section unseen',
      code: replace("## L'actu", "L'actu\n------"),
      errors: [{ messageId: 'setext', line: 24, column: 1 }],
      output: SOURCE_042,
    },
  ],
});

testRule(spelling, SOURCE_042, {
  // A name inside a sentence is not the dictionary's business.
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice du programme PVD à Saint-Quelquechose-sur-Mer') }],
  invalid: [
    { code: replace('Directrice du programme PVD', 'Directrice du programe PVD'), errors: [{ messageId: 'unknown', line: 31, column: 15 }] },
    { name: 'a word the dictionary has nothing near', code: replace('Directrice du programme PVD', 'Directrice du zxqwvkj PVD'), errors: [{ messageId: 'unknownNoSuggestion', line: 31, column: 15 }] },
  ],
});

testRule(controlCharacter, SOURCE_042, {
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice\tdu programme\u00a0PVD 👋 ٱلعربية') }],
  invalid: [
    { name: 'a Word line break in the subject', code: (source) => source.replace('Rencontres PACA, baromètre', 'Rencontres PACA,\u000bbaromètre'), errors: [{ messageId: 'control', line: 4, column: 27 }] },
    { name: 'a terminal escape and a direction override in the body', code: replace('Directrice du programme PVD', 'Directrice \u001b]0;x\u0007du \u202eprogramme PVD'), errors: [{ messageId: 'control', line: 31, column: 12 }, { messageId: 'control', line: 31, column: 17 }, { messageId: 'control', line: 31, column: 21 }] },
  ],
});

testRule(dateWeekday, SOURCE_042, {
  valid: [{ code: replace('Le mardi 14 janvier', 'Le mardi 14 janvier 2025') }],
  invalid: [
    { name: 'a wrong weekday in a ready issue', code: replace('Le mardi 14 janvier', 'Le mercredi 14 janvier'), errors: [{ messageId: 'weekday', line: 67, column: 4, severity: 'error' }] },
    { name: 'in a draft, a warning', code: (source) => replace('Le mardi 14 janvier', 'Le mercredi 14 janvier')(source).replace('status: ready', 'status: draft'), errors: [{ messageId: 'weekday', line: 67, column: 4, severity: 'warning' }] },
    { name: 'a day that does not exist', code: replace('Le mardi 14 janvier', 'Le 31 novembre'), errors: [{ messageId: 'impossible', line: 67, column: 4 }] },
    // Readers see the subject first: « Webinaire du mercredi 14 janvier » at its weekday, on line 4.
    { name: 'in the subject', code: (source) => source.replace(/^subject: .*$/m, 'subject: "Webinaire du mercredi 14 janvier"'), errors: [{ messageId: 'weekday', line: 4, column: 24, severity: 'error' }] },
  ],
});

testRule(datePast, SOURCE_042, {
  // On the day itself the event is still to come.
  valid: [{ code: replace('date: 2024-12-16', 'date: 2024-12-17') }],
  invalid: [
    { code: replace('date: 2024-12-16', 'date: 2024-12-18'), errors: [{ messageId: 'past', line: 129, column: 4 }] },
    { name: 'in the preheader', code: (source) => source.replace(/^preheader: .*$/m, 'preheader: Inscrivez-vous au webinaire du 10 décembre'), errors: [{ messageId: 'past', line: 5, column: 43 }] },
  ],
});

testRule(doubleSpace, SOURCE_042, {
  valid: [{ code: replace('Directrice du programme PVD', 'Directrice du programme PVD\n\n```\ndeux  espaces\n```') }],
  invalid: [
    { code: replace('Directrice du programme PVD', 'Directrice du  programme PVD'), errors: [{ messageId: 'plain', line: 31, column: 14 }], output: SOURCE_042 },
    { name: 'two no-break spaces', code: replace('Directrice du programme PVD', 'Directrice du\u00a0\u00a0programme PVD'), errors: [{ messageId: 'no-break', line: 31, column: 14 }], output: SOURCE_042.replace('Directrice du programme PVD', 'Directrice du\u00a0programme PVD') },
    { name: 'a plain and a no-break space', code: replace('Directrice du programme PVD', 'Directrice du \u00a0programme PVD'), errors: [{ messageId: 'mixed', line: 31, column: 14 }], output: SOURCE_042.replace('Directrice du programme PVD', 'Directrice du\u00a0programme PVD') },
  ],
});

testRule(houseStyle, SOURCE_042, {
  valid: [
    { code: replace('Directrice du programme PVD', 'Directrice du programme « Petites Villes de Demain »') },
    // Quoted as written, even when the quotation holds bold, italics or a link.
    { code: replace('Directrice du programme PVD', 'Directrice du programme « **Petites Villes de Demain** », « [Action Coeur de Ville](https://www.cerema.fr/) » et « *Petites Villes de Demain, la Banque des Territoires* »') },
  ],
  invalid: [{
    code: replace('Directrice du programme PVD', 'Directrice du programme Petites Villes de Demain'),
    errors: [{ messageId: 'preferred', line: 31, column: 25 }],
    output: SOURCE_042.replace('Directrice du programme PVD', 'Directrice du programme Petites villes de demain'),
  }],
});
