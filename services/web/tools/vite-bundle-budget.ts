// Prints the map page's JavaScript, gzipped, and fails the build past the budget (issue #11: 300 KB
// gzipped, MapLibre not counted). MapLibre is loaded by a dynamic import, so it is a chunk of its own.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface BundleBudget {
  /** Gzipped kilobytes (1 KB = 1000 bytes) the JavaScript may weigh, excluded modules aside. */
  limitKb: number;
  /** Chunks made of these modules are weighed and printed but not counted. */
  exclude: RegExp;
}

export function bundleBudget({ limitKb, exclude }: BundleBudget): Plugin {
  return {
    name: 'portfolioos-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      let counted = 0;
      let excluded = 0;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const gzipped = gzipSync(output.code, { level: 9 }).length;
        // A chunk of the excluded library only: the app's chunk also names its worker's URL module.
        const code = Object.entries(output.modules).filter(([, m]) => m.renderedLength > 0);
        if (code.length > 0 && code.every(([id]) => exclude.test(id))) excluded += gzipped;
        else counted += gzipped;
      }
      const kb = (bytes: number) => (bytes / 1000).toFixed(1);
      this.info(
        `map page JavaScript: ${kb(counted)} KB gzipped (budget ${limitKb} KB); MapLibre, not counted: ${kb(excluded)} KB`,
      );
      if (counted > limitKb * 1000)
        this.error(`the map page's JavaScript is ${kb(counted)} KB gzipped, over its ${limitKb} KB budget`);
    },
  };
}
