import type { YAMLError } from 'yaml';
import type { Message } from '../i18n/lang.js';

/**
 * What went wrong in a YAML text, in words a comms officer or a designer knows; the YAML
 * parser's own English is never shown. `where` names the text: « l'en-tête », « le gabarit ».
 */
export function describeYamlError(error: Pick<YAMLError, 'code'>, where: Message): Message {
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return { fr: `Cette clé apparaît deux fois dans ${where.fr} : gardez-en une seule.`, en: `This key appears twice in ${where.en}: keep only one.` };
    case 'TAB_AS_INDENT':
      return { fr: "Une tabulation sert d'indentation : le YAML n'accepte que des espaces.", en: 'A tab is used for indentation: YAML only accepts spaces.' };
    case 'MISSING_CHAR':
      return { fr: 'Guillemet, crochet ou accolade jamais fermé sur cette ligne : fermez-le (par exemple « subject: "…" » ou « credits: [ANCT, DDT 54] »).', en: 'A quote, bracket or brace is never closed on this line: close it (for instance subject: "…" or credits: [ANCT, DDT 54]).' };
    default:
      return {
        fr: `YAML mal formé dans ${where.fr}, sur cette ligne : chaque ligne est « clé: valeur » ; mettez entre guillemets une valeur qui contient « : » ou « # », ou qui commence par un caractère spécial (« - », « [ », « * », « & »…).`,
        en: `Malformed YAML in ${where.en}, on this line: each line is "key: value"; quote a value that contains ": " or "#", or starts with a special character ("-", "[", "*", "&"…).`,
      };
  }
}
