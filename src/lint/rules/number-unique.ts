import { shownPath } from '../../io/paths.js';
import { valuePosition } from '../header.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'number-unique',
  severity: 'error',
  description: { fr: 'Deux numéros de issues/ ne portent pas le même « number »', en: 'No two issues in issues/ have the same number' },
  messages: {
    duplicate: {
      fr: "Le numéro {number} est aussi déclaré par {others} : chaque numéro est unique, corrigez « number » dans l'un des deux.",
      en: 'The number {number} is also declared by {others}: each number is unique, fix "number" in one of them.',
    },
  },
  create({ issue, numbers, report }) {
    return {
      issue() {
        const { number } = issue.data;
        if (typeof number !== 'number') return;
        const others = numbers.filesDeclaring(number).filter((path) => path !== issue.path).map((path) => shownPath(path, { outside: 'relative' }));
        if (others.length > 0) report({ at: valuePosition(issue, 'number'), messageId: 'duplicate', data: { number, others: others.join(', ') } });
      },
    };
  },
});
