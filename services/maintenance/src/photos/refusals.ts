import { conflict, unprocessable, type ProblemError } from '@portfolioos/service-kit';
import { UploadRefusedError } from '@portfolioos/storage';

/**
 * The problem a refused upload answers with: nothing uploaded yet is a 409 (upload, then verify again);
 * anything the rules refuse is a 422 named by the storage reason (type-mismatch, too-large, ...).
 */
export function uploadProblem(error: unknown): ProblemError | undefined {
  if (!(error instanceof UploadRefusedError)) return undefined;
  if (error.reason === 'not-found')
    return conflict('Nothing was uploaded for this photo yet.', 'upload-missing');
  return unprocessable(`The photo was refused: ${error.message}.`, `upload-${error.reason}`);
}

/** Runs `work`, answering a refused upload with its problem. */
export async function refusingUploads<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uploadProblem(error) ?? error;
  }
}
