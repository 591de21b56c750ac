import { Type } from '@sinclair/typebox';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { requestReaders, requestWriters } from '../access.js';
import { errors, idParams } from '../http-schemas.js';
import type { PhotoRow } from './repository.js';
import {
  attachedPhotoSchema,
  photoParams,
  photoSchema,
  photoUploadBody,
  presignedPhotoSchema,
} from './schemas.js';
import type { PhotoService } from './service.js';

const tags = ['maintenance requests'];

const photoToJson = (row: PhotoRow) => ({
  id: row.id,
  request_id: row.requestId,
  content_type: row.contentType,
  size_bytes: row.sizeBytes,
  status: row.status as 'pending' | 'attached',
  created_at: row.createdAt.toISOString(),
});

/** /v1/maintenance-requests/{id}/photos: presigned uploads, verified before they are attached. */
export function photoRoutes(photos: PhotoService): ServicePlugin {
  return async (app) => {
    app.post(
      '/:id/photos',
      {
        config: requestWriters,
        schema: {
          tags,
          summary: 'Declare a photo and get a presigned upload URL (PUT it with exactly these headers)',
          params: idParams,
          body: photoUploadBody,
          response: { 201: presignedPhotoSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { photo, upload } = await photos.presign(request.principal, request.params.id, request.body);
        return reply.code(201).send({
          photo: photoToJson(photo),
          upload: { ...upload, expires_at: upload.expiresAt.toISOString() },
        });
      },
    );
    app.post(
      '/:id/photos/:photoId/verify',
      {
        config: requestWriters,
        schema: {
          tags,
          summary: 'Verify the uploaded photo (size, SHA-256, its bytes really an image) and attach it',
          params: photoParams,
          response: { 200: photoSchema, ...errors },
        },
      },
      async (request) =>
        photoToJson(await photos.verify(request.principal, request.params.id, request.params.photoId)),
    );
    app.get(
      '/:id/photos',
      {
        config: requestReaders,
        schema: {
          tags,
          summary: "A request's attached photos, with download links valid for a minute",
          params: idParams,
          response: { 200: Type.Object({ items: Type.Array(attachedPhotoSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: (await photos.list(request.principal, request.params.id)).map(({ row, downloadUrl }) => ({
          ...photoToJson(row),
          download_url: downloadUrl,
        })),
      }),
    );
  };
}
