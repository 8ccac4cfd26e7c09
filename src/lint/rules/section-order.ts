import type { Section } from '../../issue/model.js';
import { defineRule } from '../rule.js';

/** Positions (in `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < values.length; i++) {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  const kept = new Set<number>();
  let at = length.indexOf(Math.max(0, ...length));
  while (at !== -1) {
    kept.add(at);
    at = previous[at]!;
  }
  return kept;
}

export default defineRule({
  id: 'section-order',
  severity: 'warning',
  description: { fr: "Les rubriques suivent l'ordre du catalogue, chacune une seule fois", en: "Sections follow the catalog's order, each once" },
  messages: {
    repeated: {
      fr: 'La rubrique « {title} » apparaît une deuxième fois (déjà ligne {line}) : regroupez son contenu sous un seul titre.',
      en: 'The section "{title}" appears a second time (already on line {line}): put its content under one heading.',
    },
    moveUp: {
      fr: 'La rubrique « {title} » vient avant « {other} » dans le gabarit : déplacez-la plus haut.',
      en: 'The section "{title}" comes before "{other}" in the template: move it up.',
    },
    moveDown: {
      fr: 'La rubrique « {title} » vient après « {other} » dans le gabarit : déplacez-la plus bas.',
      en: 'The section "{title}" comes after "{other}" in the template: move it down.',
    },
  },
  create({ template, report }) {
    const catalog = template.config.sections;
    const placed: { section: Section; index: number }[] = [];
    const seen = new Map<string, number>();
    return {
      section(section) {
        const { entry } = section;
        if (!entry) return; // unknown-section reports it
        const first = seen.get(entry.id);
        if (first !== undefined) return report({ at: section.position, messageId: 'repeated', data: { title: entry.title, line: first } });
        seen.set(entry.id, section.position.line);
        placed.push({ section, index: catalog.indexOf(entry) });
      },
      'issue:exit'() {
        // The sections out of place are those outside the longest run already in order: moving them is enough.
        const kept = longestIncreasing(placed.map((entry) => entry.index));
        placed.forEach(({ section, index }, position) => {
          if (kept.has(position)) return;
          const title = section.entry!.title;
          const keepers = placed.filter((_, other) => kept.has(other));
          const above = keepers.find((keeper) => keeper.index > index);
          if (above && placed.indexOf(above) < position) return report({ at: section.position, messageId: 'moveUp', data: { title, other: above.section.entry!.title } });
          const below = keepers.findLast((keeper) => keeper.index < index)!;
          report({ at: section.position, messageId: 'moveDown', data: { title, other: below.section.entry!.title } });
        });
      },
    };
  },
});
