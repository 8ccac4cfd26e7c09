/**
 * Widths (px) of the places an image can sit in the 600 px column. Kept apart from the
 * HTML view so that lint's image-weight rule can read them without loading Handlebars.
 */
export const SLOT_WIDTH = { full: 536, feature: 492, card: 160 } as const;

export type Slot = keyof typeof SLOT_WIDTH;
