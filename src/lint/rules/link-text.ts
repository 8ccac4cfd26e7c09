import { defineRule } from '../rule.js';

/** Labels that say nothing out of context, which is how screen readers list links. */
const VAGUE_LABELS = new Set(['ici', 'cliquez ici', 'cliquer ici', 'clique ici', 'cliquez', 'en cliquant ici', 'lien', 'ce lien', 'le lien', 'click here', 'here', 'link', 'this link']);

function normalizeLabel(label: string): string {
  return label.replace(/[\s\u00a0\u202f]+/g, ' ').replace(/^[\s.,;:!?»«"'’()\-–—…]+|[\s.,;:!?»«"'’()\-–—…]+$/g, '').trim().toLowerCase();
}

export default defineRule({
  id: 'link-text',
  severity: 'warning',
  description: { fr: 'Le texte d’un lien dit où il mène (ni « cliquez ici », ni une adresse brute)', en: 'A link’s text says where it leads (not “click here”, nor a bare URL)' },
  check({ issue }, report) {
    for (const link of issue.links) {
      // A linked picture is described by its alt text, which image-alt checks.
      if (issue.images.some((image) => image.href === link.href && image.position.line === link.position.line && image.alt === link.text)) continue;
      const label = normalizeLabel(link.text);
      if (label === '') {
        report(link.position, { fr: 'Lien sans texte : écrivez entre les crochets ce que le lecteur trouvera, [Lire le rapport](https://…).', en: 'Link without text: write between the brackets what the reader will find, [Read the report](https://…).' });
      } else if (VAGUE_LABELS.has(label)) {
        report(link.position, {
          fr: `Texte de lien trop vague « ${link.text.trim()} » : dites où mène le lien, par exemple [Lire la fiche du projet](…).`,
          en: `Link text too vague "${link.text.trim()}": say where the link leads, for instance [Read the project sheet](…).`,
        });
      } else if (/^(?:https?:\/\/|www\.)\S+$/i.test(link.text.trim())) {
        report(link.position, {
          fr: `Le texte du lien est une adresse brute (${link.text.trim().slice(0, 50)}) : écrivez plutôt ce que le lecteur y trouvera, [Nom du site](…).`,
          en: `The link text is a bare address (${link.text.trim().slice(0, 50)}): write what the reader will find there instead, [Site name](…).`,
        });
      }
    }
  },
});
