import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '@portfolioos/service-kit';
import { oneOf, timestamp, uuid } from '../http-schemas.js';
import { requestPhotosPurpose } from './purpose.js';

export const photoParams = Type.Object({ id: uuid, photoId: uuid });

export const photoUploadBody = strictObject({
  content_type: oneOf(requestPhotosPurpose.contentTypes),
  size_bytes: Type.Integer({ minimum: 1, maximum: 2 ** 31 - 1, description: 'Exact size of the file' }),
  sha256: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: 'SHA-256 of the file, base64' }),
});
export type PhotoUploadBody = Static<typeof photoUploadBody>;

export const photoSchema = Type.Object({
  id: uuid,
  request_id: uuid,
  content_type: Type.String(),
  size_bytes: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('attached')]),
  created_at: timestamp,
});

export const presignedPhotoSchema = Type.Object({
  photo: photoSchema,
  upload: Type.Object({
    url: Type.String(),
    method: Type.Literal('PUT'),
    headers: Type.Record(Type.String(), Type.String()),
    expires_at: timestamp,
  }),
});

export const attachedPhotoSchema = Type.Object({
  ...photoSchema.properties,
  download_url: Type.String({ description: 'Presigned GET, valid for a minute' }),
});
