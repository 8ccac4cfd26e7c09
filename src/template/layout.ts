import type { SectionKind } from './model.js';

/**
 * Where a picture can sit in the 600 px column, and how wide it is shown there (px). The
 * parser says which slot each image of an issue takes; the renderer sizes it and lint's
 * image-weight rule judges its sharpness from the same facts.
 */
export const SLOT_WIDTH = { full: 536, feature: 492, card: 160 } as const;

export type Slot = keyof typeof SLOT_WIDTH;

/** The slot of a picture in a section of this kind (a card's own picture is the `card` slot). */
export function slotOfSection(kind: SectionKind | undefined): Slot {
  return kind === 'feature' ? 'feature' : 'full';
}
