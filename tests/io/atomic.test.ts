import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeFileAtomic } from '../../src/io/atomic.js';

const refusal = (path: string) => {
  try {
    writeFileAtomic(path, 'texte');
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('a write the system refuses', () => {
  // /sys refuses new files even to root: the permission refusal any user can meet in a folder not theirs.
  it.skipIf(process.platform !== 'linux')('says, in French and English, which file and folder, and what to do: no errno, no temporary name', () => {
    const error = refusal('/sys/pvd-test.md');
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).text).toEqual({
      fr: "Impossible d'écrire /sys/pvd-test.md : vous n'avez pas le droit d'écrire dans le dossier /sys. Demandez ce droit (ou rendez le dossier modifiable), puis relancez la commande.",
      en: 'Cannot write /sys/pvd-test.md: you may not write in the folder /sys. Ask for that right (or make the folder writable), then run the command again.',
    });
  });

  it('names any other refusal by its code, about the file asked for', () => {
    const error = refusal('/pvd-test-absent/dossier/issue.md');
    expect((error as UsageError).text.fr).toBe("Impossible d'écrire /pvd-test-absent/dossier/issue.md : le système a refusé (code ENOENT).");
  });
});
