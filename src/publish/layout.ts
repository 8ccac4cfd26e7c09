/**
 * Where each published file sits, at the destination and at publicBaseUrl, the same way:
 *   index.html            → publicBaseUrl              (the archive)
 *   042/index.html        → publicBaseUrl 042/         (the web version, urls.webVersion)
 *   042/images/<file>     → publicBaseUrl 042/images/<file>, as render/images.ts writes it in the HTML
 */
export const ARCHIVE_PAGE = 'index.html';

export function issuePage(folderName: string): string {
  return `${folderName}/index.html`;
}

/** `images/attigny.jpg` of out/042/ → `042/images/attigny.jpg`. */
export function issueFile(folderName: string, pathInIssue: string): string {
  return `${folderName}/${pathInIssue}`;
}

/** The address readers reach a published file at; a page is asked for as its folder. */
export function publishedUrl(publicBaseUrl: string, path: string): string {
  const folderPage = path === ARCHIVE_PAGE ? '' : path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
  return publicBaseUrl + folderPage.split('/').map(encodeURIComponent).join('/');
}

/** Every address of one issue: its images, then its page (what `pvd publish` checks, and the preview can too). */
export function issueUrls(publicBaseUrl: string, folderName: string, imagePaths: readonly string[]): string[] {
  return [...imagePaths.map((path) => publishedUrl(publicBaseUrl, issueFile(folderName, path))), publishedUrl(publicBaseUrl, issuePage(folderName))];
}
