/** "© ANCT", "(c) ANCT", "Crédit photo : ANCT" → "ANCT": the footer lists names, not symbols. */
export function creditName(credit: string): string {
  return credit.trim().replace(/^(?:©|\(c\)|cr[ée]dits?(?:\s+photos?)?\s*:|photos?\s*:)\s*/i, '').trim();
}

/** How a credit is shown under its photo: « © ANCT », whether or not the author wrote the ©. */
export function creditLine(credit: string | undefined): string | undefined {
  const trimmed = credit?.trim();
  if (!trimmed) return undefined;
  return trimmed.startsWith('©') ? trimmed : `© ${trimmed}`;
}
