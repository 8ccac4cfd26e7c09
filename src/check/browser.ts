import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { UsageError } from '../errors.js';

/** The browsers pvd looks for, through playwright-core's channels, when PVD_BROWSER names none. */
const CHANNELS = ['chrome', 'msedge'] as const;
/** No network beyond what the check serves itself, no first-run noise. */
const ARGS = ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Starts the browser the user has: the executable PVD_BROWSER names, else Google Chrome,
 * else Microsoft Edge. playwright-core is loaded here only, when `pvd check` runs: it is
 * heavy, and no other command needs it. Undefined when there is none.
 */
export async function launchBrowser(): Promise<Browser | undefined> {
  // playwright-core makes its profile and artifact folders in the system's temporary folder, read
  // when it loads, and leaves them there when a browser fails to start (Chrome absent, then Edge:
  // four folders a run). They go in one folder of pvd's instead, removed with the browser.
  const scratch = mkdtempSync(join(tmpdir(), 'pvd-browser-'));
  const remove = () => {
    try {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A browser still writing its profile: what is left is in the system's temporary folder, as before.
    }
  };
  const saved = TEMPORARY_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of TEMPORARY_VARIABLES) process.env[name] = scratch;
  try {
    const browser = await startBrowser();
    // Removed once the browser is closed and gone: at the end of the run.
    if (!browser) remove();
    else process.once('exit', remove);
    return browser;
  } catch (error) {
    remove();
    throw error;
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Where Node's os.tmpdir() looks: TMPDIR on macOS and Linux, TEMP and TMP on Windows. */
const TEMPORARY_VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

async function startBrowser(): Promise<Browser | undefined> {
  const { chromium } = await import('playwright-core');
  const executable = process.env.PVD_BROWSER?.trim();
  if (executable) {
    if (!existsSync(executable)) {
      throw new UsageError({
        fr: `PVD_BROWSER désigne ${executable}, qui n'existe pas : indiquez le chemin d'un Chrome, d'un Edge ou d'un Chromium installé, ou retirez PVD_BROWSER pour que pvd cherche Chrome puis Edge.`,
        en: `PVD_BROWSER names ${executable}, which does not exist: give the path of an installed Chrome, Edge or Chromium, or unset PVD_BROWSER for pvd to look for Chrome, then Edge.`,
      });
    }
    try {
      return await chromium.launch({ executablePath: executable, args: ARGS, headless: true });
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new UsageError({
        fr: `Le navigateur ${executable} (PVD_BROWSER) n'a pas démarré (${detail}) : vérifiez que c'est bien un Chrome, un Edge ou un Chromium.`,
        en: `The browser ${executable} (PVD_BROWSER) did not start (${detail}): check that it is a Chrome, an Edge or a Chromium.`,
      });
    }
  }
  for (const channel of CHANNELS) {
    try {
      return await chromium.launch({ channel, args: ARGS, headless: true });
    } catch {
      // Not installed: the next one, if any.
    }
  }
  return undefined;
}

export const NO_BROWSER = {
  fr: "Aucun navigateur pour simuler les messageries : « npx pvd check » utilise Google Chrome ou Microsoft Edge, s'ils sont installés, ou le navigateur que désigne la variable PVD_BROWSER (par exemple PVD_BROWSER=/usr/bin/chromium). Installez-en un, ou indiquez-le ; le numéro n'a pas été produit.",
  en: 'No browser to simulate the inboxes: "npx pvd check" uses Google Chrome or Microsoft Edge, if installed, or the browser the PVD_BROWSER variable names (for instance PVD_BROWSER=/usr/bin/chromium). Install one, or name it; the issue was not built.',
};
