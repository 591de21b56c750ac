// realtime keeps nothing durable (ARCHITECTURE.md §1): its database holds only the inbox of the events
// its consumers pushed, so a redelivered notification is not pushed twice.
export { inbox } from '@portfolioos/events';
