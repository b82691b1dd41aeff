import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ConsoleAccess, CSRF_COOKIE, CSRF_HEADER, csrfProblem, parseCookies, SESSION_COOKIE, UNSAFE_METHODS } from '@idx/access';
import { ACCESS_RULE, type AccessRequest, type AccessRule } from './access.decorators';
import { AccessPolicy } from './access-policy.service';

const NATIONAL_READ: AccessRule = { kind: 'read', target: () => ({ kind: 'national' }) };

/**
 * Every reporting request passes here (APP_GUARD): the session from its cookie, the CSRF check of
 * unsafe methods, then the route's rule (access.decorators.ts). Refusals carry a reason: 401 when
 * signing in would help, 403 when it would not.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly access: ConsoleAccess, private readonly policy: AccessPolicy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AccessRequest>();
    const cookies = parseCookies(req.headers.cookie);
    const session = await this.access.resolve(cookies[SESSION_COOKIE]);
    req.principal = session?.principal;

    if (UNSAFE_METHODS.has(req.method)) {
      const problem = csrfProblem(cookies[CSRF_COOKIE], req.headers[CSRF_HEADER], session?.csrfMatches);
      if (problem) throw new ForbiddenException({ reason: problem });
    }

    const rule =
      this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]) ??
      (req.method === 'GET' || req.method === 'HEAD' ? NATIONAL_READ : undefined);
    if (!rule) throw new ForbiddenException({ reason: `${req.method} ${req.path}: no access rule is declared for this endpoint, so nobody may call it` });
    const user = req.principal;
    switch (rule.kind) {
      case 'public':
        return true;
      case 'roles':
        if (!user) throw new UnauthorizedException({ reason: `sign in first: this needs the role ${rule.roles.join(' or ')} (POST /api/v1/auth/login)` });
        if (!rule.roles.includes(user.role)) throw new ForbiddenException({ reason: `this needs the role ${rule.roles.join(' or ')}; ${user.username} is ${user.role}` });
        return true;
      case 'read': {
        if (this.access.settings.readsPublic) return true;
        if (!user) throw new UnauthorizedException({ reason: 'sign in first: reads need a session on this server (POST /api/v1/auth/login)' });
        const decision = await this.policy.decide(user, rule.target(req));
        if (!decision.allowed) throw new ForbiddenException({ reason: decision.reason });
        return true;
      }
    }
  }
}
