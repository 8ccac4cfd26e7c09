import { defineRule } from '../rule.js';

/**
 * Characters no issue means to hold, and that terminals, mail clients and editors obey:
 * C0 controls but tab and line ends (ESC opens terminal sequences; Word pastes its manual
 * line breaks as U+000B), DEL, C1 controls, and the bidirectional overrides and isolates
 * that show a text in another order than it is read.
 */
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export default defineRule({
  id: 'control-character',
  severity: 'error',
  description: { fr: 'Aucun caractère de contrôle invisible (échappement de terminal, saut de Word, inversion de sens)', en: 'No invisible control character (terminal escape, Word line break, direction override)' },
  messages: {
    control: {
      fr: 'Caractère de contrôle invisible ({code}), souvent collé depuis un traitement de texte ou un terminal : il s’afficherait mal dans la lettre, ou piégerait l’affichage. Supprimez-le (et retapez l’espace ou le saut de ligne voulu).',
      en: 'Invisible control character ({code}), often pasted from a word processor or a terminal: it would show badly in the email, or tamper with the display. Delete it (and type the space or line break meant).',
    },
  },
  create({ issue, lines, report }) {
    return {
      issue() {
        // Header and body alike: the subject reaches the <title>, the .eml and the inbox list.
        for (const found of issue.source.matchAll(CONTROL)) {
          const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
          report({ at: lines.positionAt(found.index), messageId: 'control', data: { code } });
        }
      },
    };
  },
});
