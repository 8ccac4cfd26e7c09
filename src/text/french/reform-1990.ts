/**
 * The 1990 spelling reform (« rectifications orthographiques ») read backwards: for a word
 * the dictionary does not know, the traditional spellings it may stand for. dictionary-fr
 * ships Grammalecte's « Classique » dictionary, which has the traditional spellings and
 * only some reformed ones (évènement, ognon, nénufar); a reformed word is accepted when
 * one of these candidates is in the dictionary. Each class below is one of the reform's
 * systematic changes.
 */

/** Compounds the reform welds (portemonnaie, contrepied, weekend): a hyphen goes back after these. */
const WELDED_PREFIXES = [
  'contre', 'entre', 'extra', 'infra', 'intra', 'ultra', 'porte', 'tire', 'croque', 'passe', 'couvre', 'coupe',
  'mille', 'garde', 'pique', 'lave', 'grippe', 'casse', 'brise', 'cache', 'serre', 'hand', 'basket', 'base',
  'foot', 'ping', 'hot', 'cow', 'week', 'auto', 'radio', 'hydro', 'micro', 'photo', 'télé', 'vidéo',
  // The first words of the reform's list of welded compounds (pêlemêle, potpourri, hautparleur, chaussetrappe…).
  'arc', 'basse', 'bout', 'chausse', 'chauve', 'haut', 'haute', 'lieu', 'mange', 'pêle', 'plate', 'pot', 'pousse',
  'quote', 'sage', 'sauf', 'tape', 'tourne', 'va', 'blue', 'fair',
];

/** Single words the reform respells, traditional form second. */
const RESPELLED: readonly [RegExp, string][] = [
  [/^(r?ass|surs)oi/, '$1eoi'],
  [/persiffl/, 'persifl'],
  // combattif, combattive, combattivité: the t doubled as in combattre.
  [/combatti([fv])/, 'combati$1'],
  [/exéma/, 'eczéma'],
  [/douçâtre/, 'douceâtre'],
  [/imbécilité/, 'imbécillité'],
  [/boursoufflu/, 'boursouflu'],
  [/^sénior/, 'senior'],
  [/^placébo/, 'placebo'],
  [/^révolver/, 'revolver'],
  [/^véto(s?)$/, 'veto$1'],
  [/^artéfact/, 'artefact'],
  [/^pédigrée/, 'pedigree'],
  [/^mémento/, 'memento'],
];

/** Traditional spellings a reformed word may stand for, most likely first; none repeats the word. */
export function traditionalSpellings(word: string): string[] {
  const candidates = new Set<string>();
  const lower = word.toLowerCase();
  // The circumflex dropped on i and u (connaitre, aout, piqure): put it back, one letter at a time or two.
  const iu = positionsOf(lower, /[iu]/g);
  for (const first of iu) {
    const once = replaceAt(word, first, circumflex(word[first]!));
    candidates.add(once);
    for (const second of iu) if (second > first) candidates.add(replaceAt(once, second, circumflex(word[second]!)));
  }
  // A grave accent where one hears it (règlementaire, sècheresse, cèleri): the acute one of old.
  for (const index of positionsOf(lower, /è/g)) candidates.add(replaceAt(word, index, word[index] === 'È' ? 'É' : 'é'));
  // -eler and -eter verbs with a grave accent (il ruissèle, il étiquète): the doubled consonant.
  candidates.add(word.replace(/è([lt])e/g, 'e$1$1e'));
  // The diaeresis on the u that is heard (aigüe, ambigüité, argüer).
  candidates.add(word.replace(/güe/g, 'guë').replace(/güi/g, 'guï'));
  candidates.add(word.replace(/ü/g, 'u'));
  // Consonants no longer doubled after o (corole, frisoter).
  for (const index of positionsOf(lower, /o[lt](?![lt])/g)) candidates.add(`${word.slice(0, index + 2)}${word[index + 1]}${word.slice(index + 2)}`);
  for (const prefix of WELDED_PREFIXES) {
    if (lower.startsWith(prefix) && lower.length > prefix.length + 1 && lower[prefix.length] !== '-') candidates.add(`${word.slice(0, prefix.length)}-${word.slice(prefix.length)}`);
  }
  for (const [pattern, traditional] of RESPELLED) if (pattern.test(lower)) candidates.add(lower.replace(pattern, traditional));
  candidates.delete(word);
  return [...candidates];
}

function positionsOf(text: string, pattern: RegExp): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}

function replaceAt(text: string, index: number, char: string): string {
  return text.slice(0, index) + char + text.slice(index + 1);
}

function circumflex(letter: string): string {
  return ({ i: 'î', u: 'û', I: 'Î', U: 'Û' } as Record<string, string>)[letter] ?? letter;
}
