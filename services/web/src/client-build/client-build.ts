import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the server needs of `vite build`'s output. */
export interface ClientBuild {
  /** dist/client/index.html: the app's HTML shell, with its hashed script and stylesheet tags. */
  shellHtml: string;
  /** dist/client/assets: every hashed file, served with a year-long immutable cache. */
  assetsDir: string;
  /** The hashed stylesheet of the server-rendered listing pages, as a URL path. */
  listingStylesheet: string;
}

/** The manifest entry of the listing pages' stylesheet (vite.config.ts names it as an input). */
export const LISTING_STYLESHEET_ENTRY = 'styles/listing-page.css';

interface ManifestChunk {
  file: string;
}

/** Reads the client build once at boot; fails naming the command when it has not been built. */
export async function loadClientBuild(dir: string): Promise<ClientBuild> {
  const read = (file: string) =>
    readFile(join(dir, file), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      throw new Error(
        `the web client is not built (${join(dir, file)} is missing): run npm run build -w @portfolioos/web`,
      );
    });
  const shellHtml = await read('index.html');
  const manifest = JSON.parse(await read('.vite/manifest.json')) as Record<string, ManifestChunk>;
  const stylesheet = manifest[LISTING_STYLESHEET_ENTRY];
  if (!stylesheet) throw new Error(`the client build's manifest has no ${LISTING_STYLESHEET_ENTRY}`);
  return { shellHtml, assetsDir: join(dir, 'assets'), listingStylesheet: `/${stylesheet.file}` };
}
