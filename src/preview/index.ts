import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { folderDigitsOf, type IssueFile, type Project } from '../project.js';
import { DEFAULT_TEMPLATE } from '../template/load.js';
import { renderPage } from './page.js';
import { createRenders } from './renders.js';
import { startPreviewServer } from './server.js';
import { folderTree, watchFolders } from './watcher.js';

export { openBrowser } from './open-browser.js';
export { isLoopback, parsePort } from './address.js';

export interface Preview {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Renders the issue, serves it, and renders it again whenever the issue, its images or the template change. */
export async function startPreview(project: Project, ref: IssueFile, listen: { host: string; port: number }): Promise<Preview> {
  const renders = createRenders(project, ref);
  // Where `npx pvd check` writes its contact sheet (its default --out-dir): shown in the « Messageries » tab.
  const outDir = join(project.root, 'out');
  const sheetFolder = join(outDir, folderDigitsOf(ref));
  const server = await startPreviewServer({ ...listen, page: renderPage(folderDigitsOf(ref), ref.file), renders, sheetFolder });

  const templateFolder = join(project.root, 'templates', DEFAULT_TEMPLATE);
  const watcher = watchFolders(
    // Without its folder (deleted, or not yet restored by git), the issue is awaited from issues/.
    // images/ with its subfolders: a picture there may be replaced by anything, even a link.
    () => [existsSync(ref.folder) ? ref.folder : project.issuesDir, ...folderTree(join(ref.folder, 'images')), ...folderTree(templateFolder)],
    () => server.refresh(),
  );
  // out/NNN is swapped in whole by a rename in out/: a new sheet is announced, nothing is rendered again.
  const sheetWatcher = watchFolders(() => [project.root, outDir, sheetFolder], () => server.resend());

  return {
    url: server.url,
    port: server.port,
    async close() {
      watcher.close();
      sheetWatcher.close();
      await server.close();
    },
  };
}
