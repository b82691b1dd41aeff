import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiErrorAnswers } from '@idx/nest-platform';
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
export const Roles = (...roles: ConsoleRole[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule),
    // The rule documents its own answers, so every guarded operation's OpenAPI lists them.
    ApiErrorAnswers({ 401: 'Not signed in (POST /api/v1/auth/login)', 403: `Signed in without the role (${roles.join(', ')}), or a missing x-csrf-token on a write` }),
  );

/** What a read answers when refused (also every undecorated GET: a read of national figures). */
export const READ_REFUSALS = { 401: 'Reads are not public (READS_PUBLIC=false) and nobody is signed in', 403: 'The signed-in account may not read this unit (outside its province or unit)' } as const;

/**
 * A read: open to all when READS_PUBLIC=true, else to a signed-in user allowed to read the target
 * (province and unit accounts: their subtree only).
 */
export const ReadScope = (target: (req: Request) => ScopedTarget) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'read', target } satisfies AccessRule),
    ApiErrorAnswers(READ_REFUSALS),
  );

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
