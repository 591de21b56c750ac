import { execFileSync } from 'node:child_process';
import { packageDir } from './paths.js';

/** Result of looking up a file's committed version. */
export type CommittedVersion =
  | { readonly kind: 'found'; readonly content: string }
  | { readonly kind: 'new' }
  | { readonly kind: 'no-git'; readonly reason: string };

function git(args: readonly string[]): string {
  return execFileSync('git', args, { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Content of a package file (path relative to schemas/) at a git revision, HEAD by default. */
export function committedVersion(relativePath: string, revision = 'HEAD'): CommittedVersion {
  try {
    git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
  } catch {
    return { kind: 'no-git', reason: `no git revision ${revision} here` };
  }
  try {
    return { kind: 'found', content: git(['show', `${revision}:./${relativePath}`]) };
  } catch {
    return { kind: 'new' };
  }
}
