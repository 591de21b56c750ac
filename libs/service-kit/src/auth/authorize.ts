import { forbidden, unauthorized } from '../errors/problem.js';
import type { AuthRequirement, Principal } from './principal.js';

/**
 * Throws 401/403 problems unless `principal` meets `requirement`. People are judged by role, partner
 * credentials by scope; a route naming only roles refuses partner credentials, and the other way round.
 * Platform admin tokens open admin routes and nothing else: they carry no organization, so letting them
 * through "any authenticated caller" routes would hand org-scoped code a principal it cannot scope.
 */
export function authorize(principal: Principal | null, requirement: AuthRequirement): void {
  if (requirement.public) return;
  if (!principal) throw unauthorized();
  if (requirement.platform === 'admin') {
    if (principal.kind === 'admin') return;
    throw forbidden('This needs a platform admin token.');
  }
  if (principal.kind === 'admin') throw forbidden('Platform admin tokens only open platform admin routes.');
  const { roles, scopes } = requirement;
  if (!roles && !scopes) return;
  if (principal.kind === 'user') {
    if (roles?.some((role) => principal.roles.includes(role))) return;
    throw forbidden('Your role in this organization does not allow this.');
  }
  if (scopes && scopes.length > 0 && scopes.every((scope) => principal.scopes.includes(scope))) return;
  throw forbidden(`This credential lacks the scope this needs${scopes ? `: ${scopes.join(' ')}` : ''}.`);
}
