import { defineRule } from '../rule.js';
import { isPlaceholder } from './placeholder-text.js';

/** `84 %`, `4 430`, `90%`, `1er`, `x 2`: a few characters, a digit among them — not a sentence. */
const looksLikeFigure = (value: string) => /\d/.test(value) && [...value].length <= 24;

export default defineRule({
  id: 'empty-section',
  severity: 'error',
  description: { fr: 'Aucune rubrique ni aucun article (###) ne reste vide ; le chiffre du mois est un chiffre', en: 'No section or item (###) is left empty; the figure of the month is a figure' },
  messages: {
    noFigure: {
      fr: "La rubrique « {title} » n'a pas son chiffre : écrivez-le seul sur la première ligne sous le titre (par exemple « 84 % »), puis sa légende.",
      en: 'The section "{title}" has no figure: write it alone on the first line under the heading (for instance "84 %"), then its caption.',
    },
    notAFigure: {
      fr: "La rubrique « {title} » commence par « {start} » au lieu de son chiffre : écrivez le chiffre seul sur la première ligne sous le titre (par exemple « 84 % »), puis sa légende.",
      en: 'The section "{title}" starts with "{start}" instead of its figure: write the figure alone on the first line under the heading (for instance "84 %"), then its caption.',
    },
    emptySection: {
      fr: 'La rubrique « {title} » est vide : écrivez son contenu sous le titre, ou supprimez-la.',
      en: 'The section "{title}" is empty: write its content under the heading, or remove it.',
    },
    emptyItem: {
      fr: "L'article « {title} » n'a pas de contenu : écrivez au moins un paragraphe sous son titre ###.",
      en: 'The item "{title}" has no content: write at least one paragraph under its ### heading.',
    },
  },
  create({ report }) {
    return {
      section(section) {
        const title = section.entry?.title ?? section.title;
        if (section.entry?.kind === 'figure' && !section.figure) report({ at: section.position, messageId: 'noFigure', data: { title } });
        // A stand-in is placeholder-text's to report.
        else if (section.figure && !looksLikeFigure(section.figure.value) && !isPlaceholder(section.figure.value)) {
          report({ at: section.figure.position, messageId: 'notAFigure', data: { title, start: section.figure.value.slice(0, 30) } });
        }
        else if (!section.figure && section.blocks.length === 0 && section.items.length === 0) report({ at: section.position, messageId: 'emptySection', data: { title } });
      },
      item(item) {
        if (item.blocks.length === 0 && !item.picture) report({ at: item.position, messageId: 'emptyItem', data: { title: item.titleText } });
      },
    };
  },
});
