/** Why an upload was refused; stable codes a service maps to its problem responses. */
export type UploadRefusal =
  | 'type-not-allowed'
  | 'too-large'
  | 'empty'
  | 'not-found'
  | 'size-mismatch'
  | 'type-mismatch'
  | 'checksum-mismatch';

/** An upload the storage rules refuse (before presigning, or after sniffing what arrived). */
export class UploadRefusedError extends Error {
  constructor(
    readonly reason: UploadRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefusedError';
  }
}
