import { randomUUID } from 'node:crypto';
import type { ListingSnapshot, NotificationRequested } from '@portfolioos/schemas';

/** Central Austin and a viewport around it; Denver is far outside. */
export const AUSTIN = { lat: 30.2672, lng: -97.7431 };
export const AUSTIN_VIEWPORT: [number, number, number, number] = [-97.8, 30.2, -97.7, 30.3];
export const DENVER = { lat: 39.7392, lng: -104.9903 };

/** An ACTIVE, published snapshot (version 1) at `location`; override what a test is about. */
export function listingSnapshot(overrides: Partial<ListingSnapshot> = {}): ListingSnapshot {
  const now = Date.now();
  return {
    listing_id: randomUUID(),
    organization_id: randomUUID(),
    occurred_at: now,
    version: 1,
    status: 'ACTIVE',
    property_id: randomUUID(),
    unit_id: randomUUID(),
    title: 'Bright two bedroom apartment',
    description: 'Close to downtown.',
    rent_amount_minor: 180_000,
    deposit_amount_minor: null,
    currency: 'USD',
    available_from: null,
    min_lease_months: 12,
    bedrooms: 2,
    full_baths: 1,
    half_baths: 1,
    square_feet: 850,
    property_type: 'APARTMENT',
    address: {
      line1: '100 Congress Ave',
      line2: null,
      city: 'Austin',
      region: 'TX',
      postal_code: '78701',
      country: 'US',
    },
    location: AUSTIN,
    amenities: [],
    pet_policy: 'CATS',
    photos: [{ url: 'https://img.example/1.jpg', caption: null }],
    published_at: now,
    ...overrides,
  };
}

/** An in-app notification for `userId`, as the notifications service will publish it. */
export function notificationRequested(
  userId: string,
  overrides: Partial<NotificationRequested> = {},
): NotificationRequested {
  return {
    notification_id: randomUUID(),
    organization_id: randomUUID(),
    occurred_at: Date.now(),
    recipient_user_id: userId,
    recipient_email: null,
    recipient_phone: null,
    template: 'payment.failed',
    channels: ['IN_APP', 'EMAIL'],
    title: 'A rent payment failed',
    body: 'The payment for December could not be collected.',
    link: '/payments',
    cause_event_id: randomUUID(),
    cause_event_type: 'portfolioos.payments.PaymentFailed',
    ...overrides,
  };
}
