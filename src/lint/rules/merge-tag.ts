import type { Position } from '../../diagnostics/index.js';
import { ALL_MERGE_TAGS, MERGE_SYNTAX } from '../../text/merge-tags.js';
import { stringValue, valuePosition } from '../header.js';
import { alignText, proseOfBody } from '../prose.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'merge-tag',
  severity: 'warning',
  description: { fr: "Le contenu n'a pas de syntaxe que l'outil d'envoi interpréterait ({{ }}, *| |*, [[ ]], [unsubscribe])", en: 'Content has no syntax the mailing tool would evaluate ({{ }}, *| |*, [[ ]], [unsubscribe])' },
  messages: {
    knownTag: {
      fr: "« {tag} » est une balise de fusion d'un outil d'envoi : pvd ajoute lui-même les liens de désinscription et de version en ligne selon --target. Retirez-la du contenu.",
      en: '"{tag}" is a mailing tool\'s merge tag: pvd adds the unsubscribe and web-version links itself, per --target. Remove it from the content.',
    },
    looksLikeTag: {
      fr: "« {tag} » ressemble à une balise de fusion : l'outil d'envoi pourrait la remplacer ou l'effacer. Reformulez, ou gardez-la volontairement avec <!-- pvd-disable-next-line merge-tag --> sur la ligne précédente.",
      en: '"{tag}" looks like a merge tag: the mailing tool might replace or erase it. Rephrase, or keep it on purpose with <!-- pvd-disable-next-line merge-tag --> on the line before.',
    },
  },
  create({ issue, lines, report }) {
    const said = new Set<string>();
    /**
     * Looks at text as written (where `*|UNSUB|*` is still whole, before Markdown reads its
     * stars as emphasis) and as the mailing tool receives it, decoded: `&#123;&#123; x }}` and
     * `\{\{ x }}` come out as `{{ x }}`. `locate` gives where a character of the text is
     * written in issue.md, when it can be told. A tag found both ways is said once.
     */
    const scan = (text: string, fallback: Position, locate?: (index: number) => Position | undefined) => {
      for (const match of text.matchAll(MERGE_SYNTAX)) {
        const tag = match[0];
        const at = locate?.(match.index) ?? fallback;
        const key = `${at.line}:${at.column}:${tag}`;
        if (said.has(key)) continue;
        said.add(key);
        const shown = tag.length > 40 ? `${tag.slice(0, 40)}…` : tag;
        report({ at, messageId: ALL_MERGE_TAGS.includes(tag.trim()) ? 'knownTag' : 'looksLikeTag', data: { tag: shown } });
      }
    };
    const hasSyntax = (text: string) => /[{*[]/.test(text);
    return {
      issue() {
        // The subject and the preheader go through the mailing tool too.
        for (const key of ['subject', 'preheader']) scan(stringValue(issue, key) ?? '', valuePosition(issue, key));
        // Code is sent too, and the tool would evaluate it there as well.
        const body = proseOfBody(issue, { keepCode: true });
        scan(body.text, { line: 1, column: 1 }, (index) => lines.positionAt(body.start + index));
      },
      text(node) {
        if (!hasSyntax(node.value)) return;
        const map = alignText(issue.source, node);
        scan(node.value, node.position, (index) => (map?.[index] === undefined ? undefined : lines.positionAt(map[index]!)));
      },
      link(link) {
        if (hasSyntax(link.href)) scan(link.href, link.position);
      },
      image(image) {
        for (const text of [image.src, image.alt, image.credit ?? '']) if (hasSyntax(text)) scan(text, image.position);
      },
    };
  },
});
