// generated — do not edit. Source: schemas/avro/**, schemas/catalog.json.
// Regenerate with `npm run generate -w @portfolioos/schemas`.

import type * as Events from './types.js';

/** Payload type of every event type, by Avro full name. */
export interface EventPayloads {
  'portfolioos.identity.OrganizationCreated': Events.OrganizationCreated;
  'portfolioos.identity.OrganizationUpdated': Events.OrganizationUpdated;
  'portfolioos.identity.UserRegistered': Events.UserRegistered;
  'portfolioos.identity.UserProfileUpdated': Events.UserProfileUpdated;
  'portfolioos.identity.UserDeactivated': Events.UserDeactivated;
  'portfolioos.identity.MembershipGranted': Events.MembershipGranted;
  'portfolioos.identity.MembershipRoleChanged': Events.MembershipRoleChanged;
  'portfolioos.identity.MembershipRevoked': Events.MembershipRevoked;
  'portfolioos.identity.InvitationCreated': Events.InvitationCreated;
  'portfolioos.identity.InvitationAccepted': Events.InvitationAccepted;
  'portfolioos.identity.InvitationRevoked': Events.InvitationRevoked;
  'portfolioos.identity.ApiKeyCreated': Events.ApiKeyCreated;
  'portfolioos.identity.ApiKeyRevoked': Events.ApiKeyRevoked;
  'portfolioos.listings.PropertyCreated': Events.PropertyCreated;
  'portfolioos.listings.PropertyUpdated': Events.PropertyUpdated;
  'portfolioos.listings.PropertyArchived': Events.PropertyArchived;
  'portfolioos.listings.UnitCreated': Events.UnitCreated;
  'portfolioos.listings.UnitUpdated': Events.UnitUpdated;
  'portfolioos.listings.UnitArchived': Events.UnitArchived;
  'portfolioos.listings.ListingSnapshot': Events.ListingSnapshot;
  'portfolioos.leasing.ApplicationSubmitted': Events.ApplicationSubmitted;
  'portfolioos.leasing.ApplicationApproved': Events.ApplicationApproved;
  'portfolioos.leasing.ApplicationDenied': Events.ApplicationDenied;
  'portfolioos.leasing.ApplicationWithdrawn': Events.ApplicationWithdrawn;
  'portfolioos.leasing.TenantCreated': Events.TenantCreated;
  'portfolioos.leasing.TenantUpdated': Events.TenantUpdated;
  'portfolioos.leasing.LeaseDrafted': Events.LeaseDrafted;
  'portfolioos.leasing.LeaseOutForSignature': Events.LeaseOutForSignature;
  'portfolioos.leasing.LeaseSentForSignature': Events.LeaseSentForSignature;
  'portfolioos.leasing.LeaseSigned': Events.LeaseSigned;
  'portfolioos.leasing.LeaseStarted': Events.LeaseStarted;
  'portfolioos.leasing.LeaseNoticeGiven': Events.LeaseNoticeGiven;
  'portfolioos.leasing.LeaseEnded': Events.LeaseEnded;
  'portfolioos.leasing.LeaseTerminated': Events.LeaseTerminated;
  'portfolioos.leasing.LeaseRenewed': Events.LeaseRenewed;
  'portfolioos.leasing.LeaseCancelled': Events.LeaseCancelled;
  'portfolioos.leasing.LeaseAmended': Events.LeaseAmended;
  'portfolioos.payments.ChargePosted': Events.ChargePosted;
  'portfolioos.payments.ChargeCredited': Events.ChargeCredited;
  'portfolioos.payments.ChargeReversed': Events.ChargeReversed;
  'portfolioos.payments.PaymentInitiated': Events.PaymentInitiated;
  'portfolioos.payments.PaymentSucceeded': Events.PaymentSucceeded;
  'portfolioos.payments.PaymentFailed': Events.PaymentFailed;
  'portfolioos.payments.PaymentRefunded': Events.PaymentRefunded;
  'portfolioos.payments.PaymentAllocated': Events.PaymentAllocated;
  'portfolioos.payments.ExpenseRecorded': Events.ExpenseRecorded;
  'portfolioos.payments.ExpenseVoided': Events.ExpenseVoided;
  'portfolioos.maintenance.MaintenanceRequestSubmitted': Events.MaintenanceRequestSubmitted;
  'portfolioos.maintenance.MaintenanceRequestClosed': Events.MaintenanceRequestClosed;
  'portfolioos.maintenance.MaintenanceRequestStatusChanged': Events.MaintenanceRequestStatusChanged;
  'portfolioos.maintenance.MaintenanceRequestCommented': Events.MaintenanceRequestCommented;
  'portfolioos.maintenance.MaintenanceSlaBreached': Events.MaintenanceSlaBreached;
  'portfolioos.maintenance.WorkOrderCreated': Events.WorkOrderCreated;
  'portfolioos.maintenance.WorkOrderAssigned': Events.WorkOrderAssigned;
  'portfolioos.maintenance.WorkOrderScheduled': Events.WorkOrderScheduled;
  'portfolioos.maintenance.WorkOrderCompleted': Events.WorkOrderCompleted;
  'portfolioos.maintenance.WorkOrderCancelled': Events.WorkOrderCancelled;
  'portfolioos.notifications.NotificationRequested': Events.NotificationRequested;
  'portfolioos.notifications.NotificationDelivered': Events.NotificationDelivered;
  'portfolioos.notifications.NotificationFailed': Events.NotificationFailed;
  'portfolioos.notifications.NotificationRead': Events.NotificationRead;
}

/** Avro full name of an event type, e.g. `portfolioos.leasing.LeaseSigned`. */
export type EventType = keyof EventPayloads;

/** Every topic of the catalog. */
export type TopicName =
  | 'identity.organization'
  | 'identity.user'
  | 'identity.membership'
  | 'identity.invitation'
  | 'identity.api-key'
  | 'listings.property'
  | 'listings.unit'
  | 'listings.listing'
  | 'leasing.application'
  | 'leasing.tenant'
  | 'leasing.lease'
  | 'payments.charge'
  | 'payments.payment'
  | 'payments.expense'
  | 'maintenance.request'
  | 'maintenance.work-order'
  | 'notifications.notification';

/** Every event type, in catalog order. */
export const eventTypes: readonly EventType[] = [
  'portfolioos.identity.OrganizationCreated',
  'portfolioos.identity.OrganizationUpdated',
  'portfolioos.identity.UserRegistered',
  'portfolioos.identity.UserProfileUpdated',
  'portfolioos.identity.UserDeactivated',
  'portfolioos.identity.MembershipGranted',
  'portfolioos.identity.MembershipRoleChanged',
  'portfolioos.identity.MembershipRevoked',
  'portfolioos.identity.InvitationCreated',
  'portfolioos.identity.InvitationAccepted',
  'portfolioos.identity.InvitationRevoked',
  'portfolioos.identity.ApiKeyCreated',
  'portfolioos.identity.ApiKeyRevoked',
  'portfolioos.listings.PropertyCreated',
  'portfolioos.listings.PropertyUpdated',
  'portfolioos.listings.PropertyArchived',
  'portfolioos.listings.UnitCreated',
  'portfolioos.listings.UnitUpdated',
  'portfolioos.listings.UnitArchived',
  'portfolioos.listings.ListingSnapshot',
  'portfolioos.leasing.ApplicationSubmitted',
  'portfolioos.leasing.ApplicationApproved',
  'portfolioos.leasing.ApplicationDenied',
  'portfolioos.leasing.ApplicationWithdrawn',
  'portfolioos.leasing.TenantCreated',
  'portfolioos.leasing.TenantUpdated',
  'portfolioos.leasing.LeaseDrafted',
  'portfolioos.leasing.LeaseOutForSignature',
  'portfolioos.leasing.LeaseSentForSignature',
  'portfolioos.leasing.LeaseSigned',
  'portfolioos.leasing.LeaseStarted',
  'portfolioos.leasing.LeaseNoticeGiven',
  'portfolioos.leasing.LeaseEnded',
  'portfolioos.leasing.LeaseTerminated',
  'portfolioos.leasing.LeaseRenewed',
  'portfolioos.leasing.LeaseCancelled',
  'portfolioos.leasing.LeaseAmended',
  'portfolioos.payments.ChargePosted',
  'portfolioos.payments.ChargeCredited',
  'portfolioos.payments.ChargeReversed',
  'portfolioos.payments.PaymentInitiated',
  'portfolioos.payments.PaymentSucceeded',
  'portfolioos.payments.PaymentFailed',
  'portfolioos.payments.PaymentRefunded',
  'portfolioos.payments.PaymentAllocated',
  'portfolioos.payments.ExpenseRecorded',
  'portfolioos.payments.ExpenseVoided',
  'portfolioos.maintenance.MaintenanceRequestSubmitted',
  'portfolioos.maintenance.MaintenanceRequestClosed',
  'portfolioos.maintenance.MaintenanceRequestStatusChanged',
  'portfolioos.maintenance.MaintenanceRequestCommented',
  'portfolioos.maintenance.MaintenanceSlaBreached',
  'portfolioos.maintenance.WorkOrderCreated',
  'portfolioos.maintenance.WorkOrderAssigned',
  'portfolioos.maintenance.WorkOrderScheduled',
  'portfolioos.maintenance.WorkOrderCompleted',
  'portfolioos.maintenance.WorkOrderCancelled',
  'portfolioos.notifications.NotificationRequested',
  'portfolioos.notifications.NotificationDelivered',
  'portfolioos.notifications.NotificationFailed',
  'portfolioos.notifications.NotificationRead',
];

/** The topic each event type is published on. */
export const eventTopics = {
  'portfolioos.identity.OrganizationCreated': 'identity.organization',
  'portfolioos.identity.OrganizationUpdated': 'identity.organization',
  'portfolioos.identity.UserRegistered': 'identity.user',
  'portfolioos.identity.UserProfileUpdated': 'identity.user',
  'portfolioos.identity.UserDeactivated': 'identity.user',
  'portfolioos.identity.MembershipGranted': 'identity.membership',
  'portfolioos.identity.MembershipRoleChanged': 'identity.membership',
  'portfolioos.identity.MembershipRevoked': 'identity.membership',
  'portfolioos.identity.InvitationCreated': 'identity.invitation',
  'portfolioos.identity.InvitationAccepted': 'identity.invitation',
  'portfolioos.identity.InvitationRevoked': 'identity.invitation',
  'portfolioos.identity.ApiKeyCreated': 'identity.api-key',
  'portfolioos.identity.ApiKeyRevoked': 'identity.api-key',
  'portfolioos.listings.PropertyCreated': 'listings.property',
  'portfolioos.listings.PropertyUpdated': 'listings.property',
  'portfolioos.listings.PropertyArchived': 'listings.property',
  'portfolioos.listings.UnitCreated': 'listings.unit',
  'portfolioos.listings.UnitUpdated': 'listings.unit',
  'portfolioos.listings.UnitArchived': 'listings.unit',
  'portfolioos.listings.ListingSnapshot': 'listings.listing',
  'portfolioos.leasing.ApplicationSubmitted': 'leasing.application',
  'portfolioos.leasing.ApplicationApproved': 'leasing.application',
  'portfolioos.leasing.ApplicationDenied': 'leasing.application',
  'portfolioos.leasing.ApplicationWithdrawn': 'leasing.application',
  'portfolioos.leasing.TenantCreated': 'leasing.tenant',
  'portfolioos.leasing.TenantUpdated': 'leasing.tenant',
  'portfolioos.leasing.LeaseDrafted': 'leasing.lease',
  'portfolioos.leasing.LeaseOutForSignature': 'leasing.lease',
  'portfolioos.leasing.LeaseSentForSignature': 'leasing.lease',
  'portfolioos.leasing.LeaseSigned': 'leasing.lease',
  'portfolioos.leasing.LeaseStarted': 'leasing.lease',
  'portfolioos.leasing.LeaseNoticeGiven': 'leasing.lease',
  'portfolioos.leasing.LeaseEnded': 'leasing.lease',
  'portfolioos.leasing.LeaseTerminated': 'leasing.lease',
  'portfolioos.leasing.LeaseRenewed': 'leasing.lease',
  'portfolioos.leasing.LeaseCancelled': 'leasing.lease',
  'portfolioos.leasing.LeaseAmended': 'leasing.lease',
  'portfolioos.payments.ChargePosted': 'payments.charge',
  'portfolioos.payments.ChargeCredited': 'payments.charge',
  'portfolioos.payments.ChargeReversed': 'payments.charge',
  'portfolioos.payments.PaymentInitiated': 'payments.payment',
  'portfolioos.payments.PaymentSucceeded': 'payments.payment',
  'portfolioos.payments.PaymentFailed': 'payments.payment',
  'portfolioos.payments.PaymentRefunded': 'payments.payment',
  'portfolioos.payments.PaymentAllocated': 'payments.payment',
  'portfolioos.payments.ExpenseRecorded': 'payments.expense',
  'portfolioos.payments.ExpenseVoided': 'payments.expense',
  'portfolioos.maintenance.MaintenanceRequestSubmitted': 'maintenance.request',
  'portfolioos.maintenance.MaintenanceRequestClosed': 'maintenance.request',
  'portfolioos.maintenance.MaintenanceRequestStatusChanged': 'maintenance.request',
  'portfolioos.maintenance.MaintenanceRequestCommented': 'maintenance.request',
  'portfolioos.maintenance.MaintenanceSlaBreached': 'maintenance.request',
  'portfolioos.maintenance.WorkOrderCreated': 'maintenance.work-order',
  'portfolioos.maintenance.WorkOrderAssigned': 'maintenance.work-order',
  'portfolioos.maintenance.WorkOrderScheduled': 'maintenance.work-order',
  'portfolioos.maintenance.WorkOrderCompleted': 'maintenance.work-order',
  'portfolioos.maintenance.WorkOrderCancelled': 'maintenance.work-order',
  'portfolioos.notifications.NotificationRequested': 'notifications.notification',
  'portfolioos.notifications.NotificationDelivered': 'notifications.notification',
  'portfolioos.notifications.NotificationFailed': 'notifications.notification',
  'portfolioos.notifications.NotificationRead': 'notifications.notification',
} as const satisfies Record<EventType, TopicName>;

/** Event types published on topic T. */
export type EventTypeOnTopic<T extends TopicName> = {
  [E in EventType]: (typeof eventTopics)[E] extends T ? E : never;
}[EventType];
