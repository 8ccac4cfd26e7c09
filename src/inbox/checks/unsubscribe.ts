import { defineCheck } from '../check.js';
import { isHidden } from '../page.js';

/** The footer's link text: what a French reader looks for, and what Gmail's own unsubscribe button spots. */
export const UNSUBSCRIBE_LABEL = 'Se désinscrire';

export default defineCheck({
  id: 'inbox-unsubscribe',
  description: { fr: 'Le lien « Se désinscrire » porte la balise de l’outil d’envoi, dans le HTML et le texte', en: 'The « Se désinscrire » link carries the mailing tool’s tag, in the HTML and the text' },
  check(page, input, report) {
    const tag = input.mergeTags.unsubscribe;
    const links = page.elements.filter((element) => element.name === 'a' && element.attributes.href?.trim() === tag && !isHidden(element));
    if (links.length === 0) {
      report('error', bodyOffset(page.elements), 'missingLink', {
        fr: `Aucun lien de désinscription vers ${tag} dans le HTML : l'outil d'envoi refusera la campagne, ou les lecteurs ne pourront pas se désinscrire. Le pied de page du gabarit (templates/pvd/partials/footer.hbs) doit garder <a href="{{mergeTags.unsubscribe}}">${UNSUBSCRIBE_LABEL}</a>.`,
        en: `No unsubscribe link to ${tag} in the HTML: the mailing tool will refuse the campaign, or readers cannot unsubscribe. The template's footer (templates/pvd/partials/footer.hbs) must keep <a href="{{mergeTags.unsubscribe}}">${UNSUBSCRIBE_LABEL}</a>.`,
      });
    } else if (!links.some((link) => visibleText(link).includes(UNSUBSCRIBE_LABEL))) {
      report('warning', links[0]!.offset, 'label', {
        fr: `Le lien de désinscription ne dit pas « ${UNSUBSCRIBE_LABEL} » : c'est le texte que les lecteurs cherchent. Remettez-le dans le pied de page du gabarit.`,
        en: `The unsubscribe link does not say « ${UNSUBSCRIBE_LABEL} »: that is the text readers look for. Put it back in the template's footer.`,
      });
    }
    if (!input.text.includes(tag)) {
      report.text('error', input.text.split('\n').length, 'missingInText', {
        fr: `Le texte brut n'a pas de lien de désinscription (${tag}). Le gabarit texte (templates/pvd/layout.txt.hbs) doit garder « ${UNSUBSCRIBE_LABEL} : {{mergeTags.unsubscribe}} ».`,
        en: `The plaintext has no unsubscribe link (${tag}). The text template (templates/pvd/layout.txt.hbs) must keep « ${UNSUBSCRIBE_LABEL} : {{mergeTags.unsubscribe}} ».`,
      });
    }
  },
});

function visibleText(element: { text: string; children: { text: string; children: unknown[] }[] }): string {
  let text = element.text;
  for (const child of element.children) text += visibleText(child as typeof element);
  return text.replace(/\s+/g, ' ');
}

function bodyOffset(elements: { name: string; offset: number }[]): number {
  return elements.find((element) => element.name === 'body')?.offset ?? 0;
}
