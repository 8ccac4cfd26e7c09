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
  messages: {
    empty: {
      fr: 'Lien sans texte : écrivez entre les crochets ce que le lecteur trouvera, [Lire le rapport](https://…).',
      en: 'Link without text: write between the brackets what the reader will find, [Read the report](https://…).',
    },
    vague: {
      fr: 'Texte de lien trop vague « {text} » : dites où mène le lien, par exemple [Lire la fiche du projet](…).',
      en: 'Link text too vague "{text}": say where the link leads, for instance [Read the project sheet](…).',
    },
    bareAddress: {
      fr: "Le texte du lien est une adresse brute ({text}) : écrivez plutôt ce que le lecteur y trouvera, [Nom du site](…).",
      en: 'The link text is a bare address ({text}): write what the reader will find there instead, [Site name](…).',
    },
  },
  create({ report }) {
    return {
      link(link) {
        // A linked picture is described by its alt text, which image-alt checks.
        if (link.kind === 'image') return;
        const label = normalizeLabel(link.text);
        const text = link.text.trim();
        if (label === '') report({ at: link.position, messageId: 'empty' });
        else if (VAGUE_LABELS.has(label)) report({ at: link.position, messageId: 'vague', data: { text } });
        else if (/^(?:https?:\/\/|www\.)\S+$/i.test(text)) report({ at: link.position, messageId: 'bareAddress', data: { text: text.slice(0, 50) } });
      },
    };
  },
});
