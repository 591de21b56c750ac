/**
 * The outbox/inbox tables as a service's drizzle-kit migration creates them from the drizzle tables
 * (outbox-schema.test.ts checks the two agree), plus a table for the test handlers' effects.
 */
export const testDatabaseDdl = `
create table outbox (
  id bigserial primary key,
  event_id uuid not null unique,
  event_type text not null,
  topic text not null,
  key text not null,
  payload jsonb not null,
  organization_id uuid,
  occurred_at timestamptz not null,
  traceparent text,
  tracestate text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_unsent_idx on outbox (id) where sent_at is null;
create table inbox (
  consumer text not null,
  event_id uuid not null,
  event_type text not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, event_id)
);
create table counter_effects (
  position bigserial primary key,
  event_id uuid not null,
  counter_id text not null,
  seq bigint not null,
  trace_id text
);
create table counters (
  counter_id text primary key,
  value bigint not null
);
`;
