import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { rules } from '../../src/lint/rules/index.js';
import { makeProject } from '../helpers.js';
import { gif, lintIn, rulesOf, SOURCE_042 } from './support.js';

type Edit = (source: string) => string;

interface Example {
  /** What the failing example shows. */
  fail: Edit;
  /** The message it must give (French). */
  message: RegExp;
  /** A near miss that the rule must accept. */
  pass: Edit;
  folder?: string;
  setup?: (root: string) => void;
}

const replace = (from: string | RegExp, to: string): Edit => (source) => {
  const result = source.replace(from, to);
  if (result === source) throw new Error(`example does not apply: ${String(from)}`);
  return result;
};
const same: Edit = (source) => source;
const VOIR_AUSSI = /## Voir aussi[\s\S]*$/;

/** One failing and one passing example per rule, each on a copy of issue #42. */
const EXAMPLES: Record<string, Example> = {
  'front-matter': {
    fail: replace('number: 42', 'number: quarante-deux'),
    message: /« number » doit être un nombre entier/,
    pass: replace('status: ready', 'status: ready # prêt à envoyer'),
  },
  'number-matches-folder': {
    folder: '043',
    fail: same,
    message: /Le numéro 42 ne correspond pas au dossier 043 : écrivez « number: 43 »/,
    pass: replace('number: 42', 'number: 43'),
  },
  'number-unique': {
    folder: '043',
    fail: same,
    message: /Le numéro 42 est aussi déclaré par .*issues\/042\/issue\.md/,
    pass: replace('number: 42', 'number: 43'),
  },
  'required-section': {
    fail: replace(/## Le chiffre du mois[\s\S]*?(?=## L'image du mois)/, ''),
    message: /La rubrique obligatoire « Le chiffre du mois » manque/,
    pass: replace('## Le chiffre du mois', '## LE CHIFFRE DU MOIS'),
  },
  'unknown-section': {
    fail: replace('## Le chiffre du mois', '## Le chifre du mois'),
    message: /Rubrique inconnue « Le chifre du mois » : vouliez-vous dire « Le chiffre du mois » \?/,
    pass: replace('## Le chiffre du mois', '## Notre chiffre {#chiffre}'),
  },
  'section-order': {
    fail: (source) => {
      const voirAussi = VOIR_AUSSI.exec(source)![0];
      return source.replace(VOIR_AUSSI, '').replace("## L'actu", `${voirAussi}\n\n## L'actu`);
    },
    message: /La rubrique « L'actu » vient avant « Voir aussi » dans le gabarit : déplacez-la plus haut/,
    pass: replace(/## On parle de vous[\s\S]*?(?=## Voir aussi)/, ''),
  },
  'empty-section': {
    fail: replace(VOIR_AUSSI, '## Voir aussi\n'),
    message: /La rubrique « Voir aussi » est vide : écrivez son contenu sous le titre, ou supprimez-la/,
    pass: replace(VOIR_AUSSI, '## Voir aussi\n\n- [Le site du programme](https://agence-cohesion-territoires.gouv.fr/)\n'),
  },
  'item-count': {
    fail: replace('## Le Club\n', "## Le Club\n\n### Un premier sujet\n\nTexte.\n\n### Un deuxième sujet\n\nTexte.\n"),
    message: /La rubrique « Le Club » a 3 articles ; le gabarit en prévoit au plus 2 : gardez les 2 plus importants/,
    pass: replace('## Le Club\n', '## Le Club\n\n### Un autre sujet\n\nTexte.\n'),
  },
  'image-alt': {
    fail: replace(/!\[[^\]]*\]\(images\/manosque\.jpg/, '![ ](images/manosque.jpg'),
    message: /L'image n'a pas de texte alternatif/,
    pass: replace(/!\[[^\]]*\]\(images\/manosque\.jpg/, '![Les élus réunis à Manosque](images/manosque.jpg'),
  },
  'image-missing': {
    fail: replace('images/toul.jpg', 'images/Toul.JPG'),
    message: /Image introuvable : images\/Toul\.JPG/,
    pass: replace('images/toul.jpg', 'images/./toul.jpg'),
  },
  'image-outside': {
    fail: replace('images/toul.jpg', '../../templates/pvd/template.yaml'),
    message: /L'image « \.\.\/\.\.\/templates\/pvd\/template\.yaml » est hors du dossier du numéro/,
    pass: replace('images/toul.jpg', 'https://agence-cohesion-territoires.gouv.fr/toul.jpg'),
  },
  'image-credit': {
    fail: replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg "© Studio Inconnu"'),
    message: /Le crédit « Studio Inconnu » n'est pas dans la liste « credits » de l'en-tête/,
    // A leading © or (c), the case and the accents do not matter.
    pass: replace('images/manosque.jpg "© ANCT"', 'images/manosque.jpg "(c) anct"'),
  },
  'image-weight': {
    setup: (root) => {
      writeFileSync(join(root, 'issues', '042', 'images', 'narrow.gif'), gif(600, 400));
      writeFileSync(join(root, 'issues', '042', 'images', 'wide.gif'), gif(900, 600));
    },
    fail: replace('images/manosque.jpg', 'images/narrow.gif'),
    message: /L'image images\/narrow\.gif fait 600 px de large pour un emplacement de 492 px : elle sera floue .* d'au moins 738 px/,
    pass: replace('images/manosque.jpg', 'images/wide.gif'),
  },
  'link-placeholder': {
    fail: replace('https://www.cerema.fr/', '#'),
    message: /Lien provisoire « # » : remplacez-le par l'adresse définitive/,
    pass: replace('https://www.cerema.fr/', 'https://www.example-ville.fr/'),
  },
  'link-scheme': {
    fail: replace('https://www.cerema.fr/', 'JavaScript:alert(1)'),
    message: /Lien dangereux refusé/,
    pass: replace('https://www.cerema.fr/', 'tel:+33100000000'),
  },
  'link-text': {
    fail: replace('[lauréats ici]', '[Cliquez ici !]'),
    message: /Texte de lien trop vague « Cliquez ici ! »/,
    pass: replace('[lauréats ici]', '[la liste des lauréats]'),
  },
  'subject-length': {
    fail: replace(/^subject: .*$/m, `subject: "${'x'.repeat(71)}"`),
    message: /L'objet fait 71 caractères : au-delà de 70/,
    pass: replace(/^subject: .*$/m, `subject: "${'é'.repeat(70)}"`),
  },
  'preheader-length': {
    fail: replace(/^preheader: .*$/m, 'preheader: "Trop court"'),
    message: /Le texte d'aperçu ne fait que 10 caractères : sous 40/,
    pass: replace(/^preheader: .*$/m, `preheader: "${'a'.repeat(40)}"`),
  },
  'placeholder-text': {
    fail: replace('Directrice du programme PVD', 'TODO vérifier le titre'),
    message: /Texte provisoire « TODO » : remplacez-le par le texte définitif/,
    pass: replace('Directrice du programme PVD', 'Directrice du programme PVD, le dossier est à compléter avant le XXIe siècle'),
  },
  'raw-html': {
    fail: replace('**Dominique Consille**', '<b>Dominique Consille</b>'),
    message: /HTML brut refusé/,
    pass: replace('**Dominique Consille**', '<!-- signature -->\n**Dominique Consille**'),
  },
  'merge-tag': {
    fail: replace('Directrice du programme PVD', 'Bonjour {{ contact.PRENOM }}'),
    message: /« \{\{ contact\.PRENOM \}\} » ressemble à une balise de fusion/,
    pass: replace('Directrice du programme PVD', 'Directrice du programme PVD [sic], [Email](mailto:pvd@anct.gouv.fr)'),
  },
  'typography-fr': {
    fail: replace('Inscrivez-vous !', 'Inscrivez-vous!'),
    message: /Il manque une espace avant « ! »/,
    pass: replace('Directrice du programme PVD', 'Rendez-vous à 14:00 sur https://x.fr/?q=1!;a ou `code!` ;)'),
  },
  'trailing-space': {
    fail: replace('Directrice du programme PVD', 'Directrice du programme PVD   '),
    message: /Espace en fin de ligne : supprimez-la/,
    // Code keeps its spaces: a fenced block is not prose.
    pass: replace('Directrice du programme PVD', 'Directrice du programme PVD\n\n```\nligne de code   \n```'),
  },
  spelling: {
    fail: replace('Directrice du programme PVD', 'Directrice du programe PVD'),
    message: /« programe » n'est pas dans le dictionnaire : vouliez-vous dire « programme »/,
    // A name inside a sentence is not the dictionary's business.
    pass: replace('Directrice du programme PVD', 'Directrice du programme PVD à Saint-Quelquechose-sur-Mer'),
  },
  'date-weekday': {
    fail: replace('Le mardi 14 janvier', 'Le mercredi 14 janvier'),
    message: /« mercredi 14 janvier » : le 14 janvier 2025 est un mardi, pas un mercredi/,
    pass: replace('Le mardi 14 janvier', 'Le mardi 14 janvier 2025'),
  },
  'date-past': {
    fail: replace('date: 2024-12-16', 'date: 2024-12-18'),
    message: /« mardi 17 décembre » \(le 17 décembre 2024\) est déjà passé à la date d’envoi, le 18 décembre 2024/,
    // On the day itself the event is still to come.
    pass: replace('date: 2024-12-16', 'date: 2024-12-17'),
  },
  'double-space': {
    fail: replace('Directrice du programme PVD', 'Directrice du  programme PVD'),
    message: /2 espaces à la suite : une seule suffit/,
    pass: replace('Directrice du programme PVD', 'Directrice du programme PVD\n\n```\ndeux  espaces\n```'),
  },
  'house-style': {
    fail: replace('Directrice du programme PVD', 'Directrice du programme Petites Villes de Demain'),
    message: /« Petites Villes de Demain » : la charte de la lettre écrit « Petites villes de demain »/,
    pass: replace('Directrice du programme PVD', 'Directrice du programme « Petites Villes de Demain »'),
  },
  'heading-level': {
    fail: replace('### Mobiliscope', '#### Mobiliscope'),
    message: /Titre de niveau 4 \(« #### »\) : un article s’écrit « ### »/,
    pass: replace('### Mobiliscope', '### Mobiliscope ###'),
  },
};

function lintExample(edit: Edit, example: Example): Diagnostic[] {
  const root = makeProject();
  example.setup?.(root);
  return lintIn(root, edit(SOURCE_042), { folder: example.folder });
}

describe('every rule', () => {
  it('has an example here, metadata and a one-line description in both languages', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(rules.map((rule) => rule.id).sort());
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(typeof rule.fixable).toBe('boolean');
      for (const text of [rule.description.fr, rule.description.en]) {
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain('\n');
      }
    }
    expect(rules.filter((rule) => rule.fixable).map((rule) => rule.id).sort()).toEqual(['double-space', 'heading-level', 'house-style', 'trailing-space', 'typography-fr']);
  });

  it('passes the shipped issue #42 with no problem at all', () => {
    expect(lintIn(makeProject(), SOURCE_042)).toEqual([]);
  });
});

describe.each(Object.entries(EXAMPLES))('rule %s', (id, example) => {
  it('reports the failing example, located, in French', () => {
    const found = lintExample(example.fail, example).filter((diagnostic) => diagnostic.rule === id);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message.fr).toMatch(example.message);
    expect(found[0]!.message.en.length).toBeGreaterThan(10);
    expect(found[0]!.line).toBeGreaterThan(0);
    expect(found[0]!.column).toBeGreaterThan(0);
  });

  it('accepts the near miss', () => {
    expect(rulesOf(lintExample(example.pass, example))).not.toContain(id);
  });
});
