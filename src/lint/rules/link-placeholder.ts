import { placeholderSeverity } from '../header.js';
import { defineRule } from '../rule.js';

const PLACEHOLDER_HOST = /^(?:[a-z0-9-]+\.)*(?:example|exemple)\.(?:com|org|net|fr)$|^localhost$|^127\.0\.0\.1$/i;

/** Whether an address stands in for the real one: empty, `#`, or a documentation host. */
function placeholderOf(href: string): 'empty' | 'stand-in' | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return 'empty';
  if (trimmed === '#') return 'stand-in';
  const host = /^https?:\/\/([^/?#:]*)/i.exec(trimmed)?.[1];
  return host !== undefined && (host === '' || PLACEHOLDER_HOST.test(host)) ? 'stand-in' : undefined;
}

export default defineRule({
  id: 'link-placeholder',
  severity: 'error',
  description: { fr: 'Aucun lien provisoire (#, vide, example.com) : erreur dans un numéro prêt, avertissement dans un brouillon', en: 'No stand-in link (#, empty, example.com): an error in a ready issue, a warning in a draft' },
  messages: {
    empty: {
      fr: "Lien sans adresse : écrivez l'adresse complète entre les parenthèses, [texte](https://…).",
      en: 'Link without an address: write the full address between the parentheses, [text](https://…).',
    },
    standIn: {
      fr: "Lien provisoire « {href} » : remplacez-le par l'adresse définitive (https://…) avant l'envoi.",
      en: 'Stand-in link "{href}": replace it with the real address (https://…) before sending.',
    },
  },
  create({ issue, report }) {
    const severity = placeholderSeverity(issue);
    return {
      link(link) {
        const placeholder = placeholderOf(link.href);
        if (placeholder === 'empty') report({ at: link.position, messageId: 'empty', severity });
        else if (placeholder === 'stand-in') report({ at: link.position, messageId: 'standIn', data: { href: link.href.trim() }, severity });
      },
    };
  },
});
