/** The paths the client renders (client/app.tsx routes them); the server answers each with the shell. */
export const CLIENT_PATHS = [
  '/',
  '/login',
  '/signup',
  '/accept-invitation',
  '/workspace',
  '/workspace/*',
] as const;
export type ClientPath = (typeof CLIENT_PATHS)[number];
