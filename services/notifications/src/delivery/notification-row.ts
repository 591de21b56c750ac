import type { notifications } from '../db/schema.js';

/** A notification as stored. */
export type NotificationRow = typeof notifications.$inferSelect;
