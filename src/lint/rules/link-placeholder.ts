import { defineRule } from '../rule.js';
import { placeholderSeverity } from '../header.js';
import { linkTargets } from '../links.js';

const PLACEHOLDER_HOST = /^(?:[a-z0-9-]+\.)*(?:example|exemple)\.(?:com|org|net|fr)$|^localhost$|^127\.0\.0\.1$/i;

type Placeholder = { kind: 'empty' } | { kind: 'stand-in'; href: string } | undefined;

/** Whether an address is a stand-in for the real one: empty, `#`, or a documentation host. */
function placeholderOf(href: string): Placeholder {
  const trimmed = href.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed === '#') return { kind: 'stand-in', href: trimmed };
  const host = /^https?:\/\/([^/?#:]*)/i.exec(trimmed)?.[1];
  if (host !== undefined && (host === '' || PLACEHOLDER_HOST.test(host))) return { kind: 'stand-in', href: trimmed };
  return undefined;
}

export default defineRule({
  id: 'link-placeholder',
  severity: 'error',
  description: { fr: 'Aucun lien provisoire (#, vide, example.com) : erreur dans un numéro prêt, avertissement dans un brouillon', en: 'No stand-in link (#, empty, example.com): an error in a ready issue, a warning in a draft' },
  check({ issue }, report) {
    const severity = placeholderSeverity(issue);
    for (const { href, position } of linkTargets(issue)) {
      const placeholder = placeholderOf(href);
      if (placeholder === undefined) continue;
      report(position, placeholder.kind === 'empty'
        ? { fr: "Lien sans adresse : écrivez l'adresse complète entre les parenthèses, [texte](https://…).", en: 'Link without an address: write the full address between the parentheses, [text](https://…).' }
        : { fr: `Lien provisoire « ${placeholder.href} » : remplacez-le par l'adresse définitive (https://…) avant l'envoi.`, en: `Stand-in link "${placeholder.href}": replace it with the real address (https://…) before sending.` },
        { severity });
    }
  },
});
