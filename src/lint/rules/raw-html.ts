import { isHtmlComment } from '../../issue/markdown.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'raw-html',
  severity: 'error',
  description: { fr: "Pas de HTML brut dans le contenu, sauf si le gabarit l'autorise", en: 'No raw HTML in content unless the template allows it' },
  messages: {
    refused: {
      fr: "HTML brut refusé : écrivez en Markdown (**gras**, [lien](https://…), ![image](images/…)). Le gabarit peut l'autoriser avec allowRawHtml: true.",
      en: 'Raw HTML refused: write Markdown (**bold**, [link](https://…), ![image](images/…)). The template can allow it with allowRawHtml: true.',
    },
  },
  create({ template, report }) {
    if (template.config.allowRawHtml) return {};
    return {
      block(block) {
        if (block.type === 'html' && !isHtmlComment(block.value)) report({ at: block.position, messageId: 'refused' });
      },
      inline(inline) {
        if (inline.type === 'html' && !isHtmlComment(inline.value)) report({ at: inline.position, messageId: 'refused' });
      },
    };
  },
});
