import { classifyUrl } from '../../text/urls.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'link-scheme',
  severity: 'error',
  description: { fr: 'Les liens sont en https, http, mailto, tel ou des balises de fusion', en: 'Links use https, http, mailto, tel or merge tags' },
  messages: {
    dangerous: {
      fr: 'Lien dangereux refusé ({href}) : seules les adresses https://, http://, mailto: et tel: sont permises.',
      en: 'Dangerous link refused ({href}): only https://, http://, mailto: and tel: addresses are allowed.',
    },
    otherScheme: {
      fr: "Type de lien non permis dans un e-mail ({href}) : utilisez https://, mailto: ou tel:.",
      en: 'Link type not allowed in an email ({href}): use https://, mailto: or tel:.',
    },
    anchor: {
      fr: "Lien vers une ancre « {href} » : une lettre envoyée par e-mail n'a pas d'ancres, le lien ne mènerait nulle part. Donnez l'adresse complète de la page (https://…).",
      en: 'Link to an anchor "{href}": an email has no anchors, the link would lead nowhere. Give the page\'s full address (https://…).',
    },
    relative: {
      fr: "Lien relatif « {href} » : un e-mail a besoin d'adresses complètes, commençant par https://.",
      en: 'Relative link "{href}": an email needs full addresses, starting with https://.',
    },
  },
  create({ report }) {
    return {
      link({ href, position }) {
        const kind = classifyUrl(href);
        const shown = href.slice(0, 40);
        if (kind === 'dangerous') report({ at: position, messageId: 'dangerous', data: { href: shown } });
        else if (kind === 'other-scheme') report({ at: position, messageId: 'otherScheme', data: { href: shown } });
        // An empty link and a bare `#` are stand-ins, which link-placeholder reports.
        else if (kind === 'relative' && /^#./.test(href.trim())) report({ at: position, messageId: 'anchor', data: { href: href.trim() } });
        else if (kind === 'relative' && href.trim() !== '' && href.trim() !== '#') report({ at: position, messageId: 'relative', data: { href } });
      },
    };
  },
});
