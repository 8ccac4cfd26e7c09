import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IssueFile, Project } from '../project.js';
import { DEFAULT_TEMPLATE } from '../template/load.js';
import { renderPage } from './page.js';
import { startPreviewServer } from './server.js';
import { buildPreview, type BuiltPreview } from './snapshot.js';
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
  let current: BuiltPreview = buildPreview(project, ref);
  let published = JSON.stringify(current.snapshot);
  const server = await startPreviewServer({
    ...listen,
    page: renderPage(current.snapshot.number, current.snapshot.file),
    current: () => current,
  });

  const templateFolder = join(project.root, 'templates', DEFAULT_TEMPLATE);
  const watcher = watchFolders(
    // Without its folder (deleted, or not yet restored by git), the issue is awaited from issues/.
    () => [existsSync(ref.folder) ? ref.folder : project.issuesDir, join(ref.folder, 'images'), ...folderTree(templateFolder)],
    () => {
      current = buildPreview(project, ref);
      const snapshot = JSON.stringify(current.snapshot);
      // Editors touch swap and backup files too: only a change in what the page shows is sent.
      if (snapshot === published) return;
      published = snapshot;
      server.broadcast(current.snapshot);
    },
  );

  return {
    url: server.url,
    port: server.port,
    async close() {
      watcher.close();
      await server.close();
    },
  };
}
