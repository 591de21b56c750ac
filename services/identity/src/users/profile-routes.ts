import { Type } from '@sinclair/typebox';
import { problemSchema, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf } from '../audit/audit-log.js';
import { displayName, signInFields, uuid } from '../http-schemas.js';
import type { UserRow } from './repository.js';
import { personOf } from './person-scope.js';
import type { ProfileService } from './profile-service.js';

const tags = ['users'];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const phone = Type.Union([Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }), Type.Null()]);
const locale = Type.Union([
  Type.String({ pattern: '^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$', maxLength: 20 }),
  Type.Null(),
]);
const profile = Type.Object({
  id: uuid,
  email: Type.String(),
  display_name: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  locale: Type.Union([Type.String(), Type.Null()]),
});
const toProfile = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  display_name: u.displayName,
  phone: u.phone,
  locale: u.locale,
});

/**
 * /v1/users/me: the signed-in person's own profile and closing their account. Email is deliberately not
 * changeable here: it is the login and the invitation match, so changing it safely needs proof of the new
 * address (a confirmation link sent by notifications), which this service cannot deliver yet.
 */
export function profileRoutes(profiles: ProfileService): ServicePlugin {
  return async (app) => {
    app.patch(
      '/me',
      {
        schema: {
          tags,
          summary: 'Update your profile (publishes UserProfileUpdated)',
          body: strictObject(
            {
              display_name: Type.Optional(displayName),
              phone: Type.Optional(phone),
              locale: Type.Optional(locale),
            },
            { minProperties: 1 },
          ),
          response: { 200: profile, 400: problemSchema, ...errors },
        },
      },
      async (request) => {
        const { display_name, phone: newPhone, locale: newLocale } = request.body;
        const changes = {
          ...(display_name !== undefined ? { displayName: display_name } : {}),
          ...(newPhone !== undefined ? { phone: newPhone } : {}),
          ...(newLocale !== undefined ? { locale: newLocale } : {}),
        };
        const userId = personOf(request.principal!);
        return toProfile(await profiles.update(userId, changes, actorOf(request)));
      },
    );
    app.post(
      '/me/deactivate',
      {
        schema: {
          tags,
          summary: 'Close your account (refused while you are the last owner of an organization)',
          body: strictObject({ password: signInFields.password }),
          response: {
            204: { type: 'null' },
            400: problemSchema,
            409: problemSchema,
            429: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        await profiles.closeAccount(personOf(request.principal!), request.body.password, actorOf(request));
        return reply.code(204).send();
      },
    );
  };
}
