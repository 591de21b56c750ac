import { checkEvolution } from './compatibility.js';
import { committedVersion } from './git-history.js';
import type { EventSchemaFile } from './load-schemas.js';
import type { Problem } from './problem.js';

export interface CommittedComparison {
  readonly problems: readonly Problem[];
  readonly compared: number;
  readonly added: number;
  /** Set when there is no git history to compare with (e.g. inside a container image). */
  readonly skippedReason: string | null;
}

/** Every schema against its last committed version (`git show HEAD:<path>`), BACKWARD and FORWARD. */
export function checkAgainstCommitted(
  schemas: readonly EventSchemaFile[],
  revision = 'HEAD',
): CommittedComparison {
  const problems: Problem[] = [];
  let compared = 0;
  let added = 0;
  for (const file of schemas) {
    const committed = committedVersion(file.relativePath, revision);
    if (committed.kind === 'no-git')
      return { problems: [], compared: 0, added: 0, skippedReason: committed.reason };
    if (committed.kind === 'new') {
      added += 1;
      continue;
    }
    compared += 1;
    let previous: unknown;
    try {
      previous = JSON.parse(committed.content);
    } catch {
      continue; // the committed version was not JSON: nothing a reader could have been built against
    }
    const result = checkEvolution(file.schema, previous as typeof file.schema);
    for (const reason of result.problems) {
      problems.push({ about: file.relativePath, reason: `incompatible with ${revision}: ${reason}` });
    }
  }
  return { problems, compared, added, skippedReason: null };
}
