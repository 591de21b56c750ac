/** Where a notification goes. */
export type Channel = 'email' | 'sms' | 'in_app';
export const CHANNELS: readonly Channel[] = ['email', 'sms', 'in_app'];

/** What a notification is about: the unit people switch notifications on and off by. */
export type Category =
  'account' | 'payments' | 'leasing' | 'maintenance' | 'marketing' | 'security' | 'legal';

/** Categories a person can switch off, per channel (preferences). */
export const SWITCHABLE_CATEGORIES = ['account', 'payments', 'leasing', 'maintenance', 'marketing'] as const;

/**
 * Security and legal messages (an invitation, a lease to sign, a notice) cannot be switched off: the law
 * or the account's safety needs them to arrive. SMS STOP still silences SMS: carriers enforce it anyway.
 */
export const isMandatory = (category: Category): boolean => category === 'security' || category === 'legal';
