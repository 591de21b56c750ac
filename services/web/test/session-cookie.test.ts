import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sessionCookie } from '../src/session/session-cookie.js';

test('over https the session cookie is Secure with the __Secure- prefix; httpOnly, SameSite=Strict, /session', () => {
  const cookie = sessionCookie('https://rent.example.com');
  assert.equal(cookie.name, '__Secure-portfolioos_session');
  assert.deepEqual(cookie.attributes, { httpOnly: true, sameSite: 'strict', path: '/session', secure: true });
});

test('plain http only on a loopback host (local development); anywhere else the boot stops', () => {
  for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080'])
    assert.equal(sessionCookie(url).attributes.secure, false, url);
  assert.throws(() => sessionCookie('http://rent.example.com'), /plain http is only for a loopback host/);
});
