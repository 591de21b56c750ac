import { conflict, forbidden, notFound, type Principal } from '@portfolioos/service-kit';
import {
  presignDownload,
  presignUpload,
  verifyUpload,
  type ObjectStorage,
  type PresignedUpload,
} from '@portfolioos/storage';
import { actorOf, inActorOrg, type Actor } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import { visibleRequest, writerOf } from '../requests/service.js';
import { MAX_PHOTOS_PER_REQUEST, requestPhotosPurpose } from './purpose.js';
import { refusingUploads, uploadProblem } from './refusals.js';
import {
  countPhotos,
  deletePhoto,
  findPhoto,
  insertPhoto,
  listAttachedPhotos,
  markAttached,
  type PhotoRow,
} from './repository.js';
import type { PhotoUploadBody } from './schemas.js';

const CLOSED = ['closed', 'cancelled'];

/**
 * Photos of a request, uploaded by the browser straight to object storage: declared (type, size,
 * SHA-256, checked against the purpose) and presigned, then verified against what actually arrived
 * before the photo is attached. Storage calls run outside database transactions.
 */
export class PhotoService {
  constructor(
    private readonly db: MaintenanceDb,
    private readonly storage: ObjectStorage,
  ) {}

  async presign(
    principal: Principal | null,
    requestId: string,
    body: PhotoUploadBody,
  ): Promise<{ photo: PhotoRow; upload: PresignedUpload }> {
    const actor = uploaderOf(principal);
    const id = crypto.randomUUID();
    const declared = {
      key: `${actor.orgId}/${requestId}/${id}`,
      contentType: body.content_type,
      contentLength: body.size_bytes,
      sha256: body.sha256,
    };
    const upload = await refusingUploads(() => presignUpload(this.storage, requestPhotosPurpose, declared));
    const photo = await inActorOrg(this.db, actor, async (tx, orgId) => {
      const request = await visibleRequest(tx, actor, requestId, { lock: true });
      if (CLOSED.includes(request.status))
        throw conflict(`The request is ${request.status}.`, 'request-closed');
      if ((await countPhotos(tx, orgId, requestId)) >= MAX_PHOTOS_PER_REQUEST)
        throw conflict(`A request holds at most ${MAX_PHOTOS_PER_REQUEST} photos.`, 'too-many-photos');
      return insertPhoto(tx, {
        id,
        orgId,
        requestId,
        objectKey: declared.key,
        contentType: declared.contentType,
        sizeBytes: declared.contentLength,
        sha256: declared.sha256,
        uploadedByUserId: actor.userId!,
      });
    });
    return { photo, upload };
  }

  /** Checks the upload against its declaration; a mismatch deletes the object and forgets the photo. */
  async verify(principal: Principal | null, requestId: string, photoId: string): Promise<PhotoRow> {
    const actor = uploaderOf(principal);
    const photo = await inActorOrg(this.db, actor, async (tx, orgId) => {
      await visibleRequest(tx, actor, requestId);
      return findPhoto(tx, orgId, requestId, photoId);
    });
    if (!photo) throw notFound();
    if (photo.status === 'attached') return photo;
    const declared = {
      key: photo.objectKey,
      contentType: photo.contentType,
      contentLength: photo.sizeBytes,
      sha256: photo.sha256,
    };
    try {
      await verifyUpload(this.storage, requestPhotosPurpose, declared);
    } catch (error) {
      const problem = uploadProblem(error);
      if (!problem) throw error;
      if (problem.status === 422)
        await inActorOrg(this.db, actor, (tx, orgId) => deletePhoto(tx, orgId, photo.id));
      throw problem;
    }
    return inActorOrg(this.db, actor, (tx, orgId) => markAttached(tx, orgId, photo.id, new Date()));
  }

  /** Attached photos with short-lived download links. */
  async list(principal: Principal | null, requestId: string) {
    const actor = actorOf(principal);
    if (actor.kind === 'vendor') throw forbidden();
    const rows = await inActorOrg(this.db, actor, async (tx, orgId) => {
      await visibleRequest(tx, actor, requestId);
      return listAttachedPhotos(tx, orgId, requestId);
    });
    return Promise.all(
      rows.map(async (row) => ({
        row,
        downloadUrl: (await presignDownload(this.storage, requestPhotosPurpose, row.objectKey)).url,
      })),
    );
  }
}

function uploaderOf(principal: Principal | null): Actor & { userId: string } {
  const actor = writerOf(principal);
  if (!actor.userId) throw forbidden('Photos are uploaded by a person.');
  return { ...actor, userId: actor.userId };
}
