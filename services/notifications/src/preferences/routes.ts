import { problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { members } from '../access.js';
import { errors, preferencesPatch, preferencesSchema, unsubscribeBody, unsubscribed } from './schemas.js';
import type { PreferenceService } from './service.js';

const tags = ['preferences'];

/** /v1/preferences: my switches per category and channel, my SMS quiet hours, and one-click unsubscribe. */
export function preferenceRoutes(preferences: PreferenceService): ServicePlugin {
  return async (app) => {
    app.get(
      '/',
      {
        config: members,
        schema: {
          tags,
          summary: 'My notification preferences',
          response: { 200: preferencesSchema, ...errors },
        },
      },
      async (request) => preferences.get(request.principal),
    );
    app.patch(
      '/',
      {
        config: members,
        schema: {
          tags,
          summary: 'Change my notification preferences (security and legal messages cannot be switched off)',
          body: preferencesPatch,
          response: { 200: preferencesSchema, ...errors },
        },
      },
      async (request) => preferences.update(request.principal, request.body),
    );
    app.post(
      '/unsubscribe',
      {
        // The signed token in the e-mail is the credential: it works without logging in, once.
        config: { auth: { public: true } },
        schema: {
          tags,
          summary: 'One-click unsubscribe with the token of an e-mail link',
          body: unsubscribeBody,
          response: { 200: unsubscribed, 400: problemSchema, 401: problemSchema, 409: problemSchema },
        },
      },
      async (request) => preferences.unsubscribe(request.body.token),
    );
  };
}
