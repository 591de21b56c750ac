// The search database holds only the event-backbone tables: the inbox EventConsumer records consumed
// events in, and an outbox for symmetry with every service (search publishes nothing today).
export { inbox, outbox } from '@portfolioos/events';
