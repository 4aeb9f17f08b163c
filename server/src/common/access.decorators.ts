import { SetMetadata } from '@nestjs/common';
import type { Role } from '@muster/contracts';

export const PUBLIC_KEY = 'muster:public';
export const ROLES_KEY = 'muster:roles';

/** No token needed (login, health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The roles allowed on a route. Every non-public route must carry one: the access guard refuses
 * routes without a rule, and the authorization matrix test lists every route to prove it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
