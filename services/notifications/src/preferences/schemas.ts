import { Type, type Static } from '@sinclair/typebox';
import { TimeZone } from '@portfolioos/contracts';
import { problemSchema } from '@portfolioos/service-kit';
import { SWITCHABLE_CATEGORIES } from '../routing/channels.js';

const switches = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), in_app: Type.Boolean() },
  { additionalProperties: false },
);
const switchesPatch = Type.Partial(switches, { additionalProperties: false });
const hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'Local time HH:MM' });

export const quietHoursSchema = Type.Object(
  {
    start: hhmm,
    end: hhmm,
    time_zone: Type.Union([TimeZone(), Type.Null()], {
      description: "IANA zone of the times; null: the organization's",
    }),
  },
  { additionalProperties: false },
);

/**
 * A person's preferences: on/off per switchable category and channel. Security and legal messages are
 * not listed: they cannot be switched off (naming them is a 400).
 */
export const preferencesSchema = Type.Object({
  categories: Type.Object(Object.fromEntries(SWITCHABLE_CATEGORIES.map((c) => [c, switches]))),
  quiet_hours: Type.Union([quietHoursSchema, Type.Null()], { description: 'SMS waits until they end' }),
});

export const preferencesPatch = Type.Object(
  {
    categories: Type.Optional(
      Type.Object(Object.fromEntries(SWITCHABLE_CATEGORIES.map((c) => [c, Type.Optional(switchesPatch)])), {
        additionalProperties: false,
      }),
    ),
    quiet_hours: Type.Optional(Type.Union([quietHoursSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type PreferencesPatch = Static<typeof preferencesPatch>;

export const unsubscribeBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 2048 }) },
  { additionalProperties: false },
);
export const unsubscribed = Type.Object({ category: Type.String(), channel: Type.String() });

export const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 422: problemSchema };
