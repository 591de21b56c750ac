// The words of a maintenance request, shared by the HTTP schemas, the rules and the event mapping.

export const CATEGORIES = ['plumbing', 'electrical', 'hvac', 'appliance', 'pest', 'locks', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const PRIORITIES = ['emergency', 'urgent', 'routine'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUSES = [
  'submitted',
  'triaged',
  'scheduled',
  'in_progress',
  'completed',
  'closed',
  'cancelled',
] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const RESOLUTIONS = ['resolved', 'declined', 'duplicate', 'withdrawn', 'other'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
