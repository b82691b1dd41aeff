import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ConsoleRole } from '@idx/contracts';
import type { Principal, ReadTarget } from '@idx/access';
import type { Request } from 'express';

/**
 * How a route is guarded (AccessGuard). Without a rule, a GET is a read of national figures and
 * any other method is refused: a new endpoint is closed until someone says who may call it.
 */
export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly ConsoleRole[] }
  | { readonly kind: 'read'; readonly target: (req: Request) => ScopedTarget };

/** A read target, or a stream whose unit the guard looks up (GET /streams/{id}/events). */
export type ScopedTarget = ReadTarget | { readonly kind: 'stream'; readonly streamId: string };

export const ACCESS_RULE = 'qd766:access-rule';

/** Anyone, signed in or not (health, login, who-am-I). CSRF still applies to unsafe methods. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** A signed-in user with one of these roles; READS_PUBLIC never opens these. */
export const Roles = (...roles: ConsoleRole[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);

/**
 * A read: open to all when READS_PUBLIC=true, else to a signed-in user allowed to read the target
 * (province and unit accounts: their subtree only).
 */
export const ReadScope = (target: (req: Request) => ScopedTarget) => SetMetadata(ACCESS_RULE, { kind: 'read', target } satisfies AccessRule);

/** Reads of one unit named by a route parameter (e.g. units/{unitCode}/…). */
export const UnitRead = (param = 'unitCode') => ReadScope((req) => ({ kind: 'unit', unitCode: String(req.params[param] ?? '') }));

/** Reads of one unit named by a query parameter; absent, the controller answers 400. */
export const UnitQueryRead = (name: string) =>
  ReadScope((req) => (typeof req.query[name] === 'string' ? { kind: 'unit', unitCode: req.query[name] as string } : { kind: 'any' }));

export interface AccessRequest extends Request {
  principal?: Principal;
}

/** The signed-in user of this request (undefined for an anonymous public read). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal | undefined => ctx.switchToHttp().getRequest<AccessRequest>().principal);
