import { defineRule } from '../rule.js';

export default defineRule({
  id: 'unsupported-markdown',
  severity: 'error',
  description: { fr: "Tout ce qui est écrit arrive au lecteur : pas de Markdown que la lettre ne sait pas montrer", en: 'Everything written reaches the reader: no Markdown the newsletter cannot show' },
  messages: {
    'heading-in-quote': {
      fr: "Un titre dans une citation (« > # … ») n'apparaîtrait pas dans la lettre : écrivez-le en gras (« > **…** ») ou sortez-le de la citation.",
      en: 'A heading inside a quote ("> # …") would not appear in the email: write it in bold ("> **…**") or move it out of the quote.',
    },
    'block-in-list': {
      fr: "Ce bloc (code, citation ou titre) placé dans un élément de liste n'apparaîtrait pas dans la lettre : désindentez-le pour le sortir de la liste, ou écrivez-le comme texte de l'élément.",
      en: 'This block (code, quote or heading) inside a list item would not appear in the email: unindent it out of the list, or write it as the item\'s text.',
    },
    'unused-definition': {
      fr: "Cette définition de lien (« [libellé]: adresse ») n'est utilisée par aucun « [libellé] » : ni ses mots ni son adresse n'apparaîtraient dans la lettre. Pour un bouton, écrivez « [libellé](adresse) » seul sur sa ligne.",
      en: 'This link definition ("[label]: address") is used by no "[label]": neither its words nor its address would appear in the email. For a button, write "[label](address)" alone on its line.',
    },
    'link-in-figure': {
      fr: "Le chiffre du mois s'affiche en grand, sans lien ni image : ce lien (ou cette image) n'apparaîtrait pas. Mettez-le dans le paragraphe suivant, qui explique le chiffre.",
      en: 'The figure of the month is shown large, with no link or picture: this link (or picture) would not appear. Put it in the next paragraph, which explains the figure.',
    },
    'link-title': {
      fr: "Le titre de ce lien (« {title} ») n'apparaît pas dans la lettre : c'est une info-bulle, que les messageries n'affichent pas. Mettez ces mots dans le texte du lien ou dans la phrase, puis retirez le titre.",
      en: 'The title of this link ("{title}") does not appear in the email: it is a tooltip, which mail clients do not show. Put these words in the link\'s text or in the sentence, then remove the title.',
    },
    'thematic-break': {
      fr: "Une ligne de séparation (« --- », « *** ») n'apparaît pas dans la lettre : le gabarit sépare déjà les articles. Supprimez-la.",
      en: 'A horizontal rule ("---", "***") does not appear in the email: the template already separates items. Remove it.',
    },
  },
  create({ issue, report }) {
    return {
      issue() {
        // A separator loses no words, a link's title only a tooltip: warnings; the others would lose what the author wrote.
        for (const dropped of issue.dropped) {
          const minor = dropped.kind === 'thematic-break' || dropped.kind === 'link-title';
          report({ at: dropped.position, messageId: dropped.kind, ...(dropped.title === undefined ? {} : { data: { title: dropped.title } }), ...(minor ? { severity: 'warning' as const } : {}) });
        }
      },
    };
  },
});
