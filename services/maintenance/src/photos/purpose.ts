import type { StoragePurpose } from '@portfolioos/storage';

/** Photos of maintenance requests: images a phone takes, up to 10 MB each. */
export const requestPhotosPurpose: StoragePurpose = {
  name: 'maintenance-photos',
  contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
  maxBytes: 10 * 1024 * 1024,
};

/** Photos one request may carry. */
export const MAX_PHOTOS_PER_REQUEST = 10;
