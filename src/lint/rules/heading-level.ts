import { defineRule } from '../rule.js';

export default defineRule({
  id: 'heading-level',
  severity: 'warning',
  fixable: true,
  description: { fr: 'Les titres sont des rubriques « ## » et des articles « ### », rien d’autre', en: 'Headings are sections "##" and items "###", nothing else' },
  messages: {
    levelOne: {
      fr: 'Titre de niveau 1 (« # ») : le titre de la lettre vient du gabarit ; une rubrique s’écrit « ## » (--fix le corrige).',
      en: 'Level-1 heading ("#"): the newsletter title comes from the template; a section is written "##" (--fix corrects it).',
    },
    tooDeep: {
      fr: 'Titre de niveau {depth} (« {hashes} ») : un article s’écrit « ### » (--fix le corrige).',
      en: 'Level-{depth} heading ("{hashes}"): an item is written "###" (--fix corrects it).',
    },
    itemBeforeSection: {
      fr: 'Article « ### » avant toute rubrique : placez-le sous un titre « ## » de rubrique (par exemple « ## L’actu »).',
      en: 'Item "###" before any section: put it under a "##" section heading (for instance "## L’actu").',
    },
    setext: {
      fr: 'Titre souligné (« === » ou « --- » sous le texte) : il ouvre une rubrique sans qu’on le voie ; écrivez « ## {text} » (--fix le corrige).',
      en: 'Underlined heading ("===" or "---" under the text): it opens a section without showing it; write "## {text}" (--fix corrects it).',
    },
  },
  create({ report }) {
    let inSection = false;
    return {
      heading(heading) {
        const at = heading.position;
        const marks = (text: string) => ({ start: heading.offset, end: heading.offset + heading.depth, text });
        if (heading.setext) {
          report({ at, messageId: 'setext', data: { text: heading.text }, fix: { start: heading.offset, end: heading.end, text: `## ${heading.text}` } });
        } else if (heading.depth === 1) {
          report({ at, messageId: 'levelOne', fix: marks('##') });
        } else if (heading.depth > 3) {
          report({ at, messageId: 'tooDeep', data: { depth: heading.depth, hashes: '#'.repeat(heading.depth) }, fix: marks('###') });
        } else if (heading.depth === 3 && !inSection) {
          report({ at, messageId: 'itemBeforeSection' });
        }
        if (heading.depth <= 2) inSection = true;
      },
    };
  },
});
