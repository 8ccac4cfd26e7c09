import { classifyUrl } from '../../text/urls.js';
import { linkTargets } from '../links.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'link-scheme',
  severity: 'error',
  description: { fr: 'Les liens sont en https, http, mailto, tel ou des balises de fusion', en: 'Links use https, http, mailto, tel or merge tags' },
  check({ issue }, report) {
    for (const { href, position } of linkTargets(issue)) {
      const kind = classifyUrl(href);
      if (kind === 'dangerous') {
        report(position, { fr: `Lien dangereux refusé (${href.slice(0, 40)}) : seules les adresses https://, http://, mailto: et tel: sont permises.`, en: `Dangerous link refused (${href.slice(0, 40)}): only https://, http://, mailto: and tel: addresses are allowed.` });
      } else if (kind === 'other-scheme') {
        report(position, { fr: `Type de lien non permis dans un e-mail (${href.slice(0, 40)}) : utilisez https://, mailto: ou tel:.`, en: `Link type not allowed in an email (${href.slice(0, 40)}): use https://, mailto: or tel:.` });
      } else if (kind === 'relative' && href.trim() !== '' && !href.trim().startsWith('#')) {
        report(position, { fr: `Lien relatif « ${href} » : un e-mail a besoin d'adresses complètes, commençant par https://.`, en: `Relative link "${href}": an email needs full addresses, starting with https://.` });
      }
    }
  },
});
