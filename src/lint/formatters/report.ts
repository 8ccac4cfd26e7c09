import type { Diagnostic } from '../../diagnostics.js';

/** What a formatter prints for one linted file. */
export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** Fixes applied by --fix. */
  fixed?: number;
}
