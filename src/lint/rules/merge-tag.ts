import { ALL_MERGE_TAGS } from '../../render/targets.js';
import { defineRule } from '../rule.js';
import { stringValue, valuePosition } from '../header.js';
import { proseOfBody, sourceIndex } from '../source.js';

const SENDY_TAGS = 'unsubscribe|webversion|Name|Email|currentdaynumber|currentday|currentmonthnumber|currentmonth|currentyear';

/**
 * What a mailing tool would read as its own syntax: `{{ … }}` and `{% … %}` (Brevo, listmonk,
 * Mailjet), `*|…|*` (Mailchimp), `[[…]]` (Mailjet), Sendy's `[Name]`, `[unsubscribe]`…
 * (but not a Markdown link label such as `[Email](mailto:…)`).
 */
const MERGE_SYNTAX = new RegExp(
  String.raw`\{\{[^\n]*?(?:\}\}|$)|\{%[^\n]*?(?:%\}|$)|\*\|[^|\s]*\|\*|\[\[[^\]\n]*\]\]|(?<!\[)\[(?:${SENDY_TAGS})(?:,fallback=[^\]\n]*)?\](?![(\[:])`,
  'gm',
);

export default defineRule({
  id: 'merge-tag',
  severity: 'warning',
  description: { fr: "Le contenu n'a pas de syntaxe que l'outil d'envoi interpréterait ({{ }}, *| |*, [[ ]], [unsubscribe])", en: 'Content has no syntax the mailing tool would evaluate ({{ }}, *| |*, [[ ]], [unsubscribe])' },
  check({ issue }, report) {
    const index = sourceIndex(issue);
    // Code is sent too, and the tool would evaluate it there as well.
    const body = proseOfBody(issue, { keepCode: true });
    const found = [...body.text.matchAll(MERGE_SYNTAX)].map((match) => ({ text: match[0], position: index.positionAt(body.start + match.index) }));
    // The subject and the preheader go through the mailing tool too.
    for (const key of ['subject', 'preheader']) {
      for (const match of stringValue(issue, key)?.matchAll(MERGE_SYNTAX) ?? []) found.push({ text: match[0], position: valuePosition(issue, key) });
    }
    for (const { text, position } of found) {
      const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
      const known = ALL_MERGE_TAGS.includes(text.trim());
      report(position, known
        ? {
            fr: `« ${shown} » est une balise de fusion d'un outil d'envoi : pvd ajoute lui-même les liens de désinscription et de version en ligne selon --target. Retirez-la du contenu.`,
            en: `"${shown}" is a mailing tool's merge tag: pvd adds the unsubscribe and web-version links itself, per --target. Remove it from the content.`,
          }
        : {
            fr: `« ${shown} » ressemble à une balise de fusion : l'outil d'envoi pourrait la remplacer ou l'effacer. Reformulez, ou gardez-la volontairement avec <!-- pvd-disable-next-line merge-tag --> sur la ligne précédente.`,
            en: `"${shown}" looks like a merge tag: the mailing tool might replace or erase it. Rephrase, or keep it on purpose with <!-- pvd-disable-next-line merge-tag --> on the line before.`,
          });
    }
  },
});
