import { BadRequestException, UnauthorizedException } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PostgresDeadLetters } from '@idx/event-store';
import { bearerKey, decodeItem, PortalSyncService, PostgresPortalSessions, UnreadableSyncBodyError } from '@idx/ingestion';
import { PORTAL_CODES, type PortalLoginAnswer, type PortalSyncAnswer } from '@idx/portal-sync';
import { PortalLoginCommand, PortalSyncCommand } from './portal-sync.commands';

/** Where the bytes of a sync call without a valid session are kept (dead_letters.source). */
export const PORTAL_UNAUTHENTICATED_SOURCE = 'portal:unauthenticated';

@CommandHandler(PortalLoginCommand)
export class PortalLoginHandler implements ICommandHandler<PortalLoginCommand, PortalLoginAnswer> {
  constructor(private readonly sessions: PostgresPortalSessions) {}

  async execute({ body }: PortalLoginCommand): Promise<PortalLoginAnswer> {
    const decoded = decodeItem(body, '', 0);
    const value = decoded.ok ? decoded.value : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new BadRequestException({ error_code: PORTAL_CODES.BAD_REQUEST, message: 'send {"username": "<source system>", "password": "<API key>"} as JSON' });
    }
    const { username, password } = value as Record<string, unknown>;
    const login = await this.sessions.login(username, password);
    if (!login.ok) throw new UnauthorizedException({ error_code: PORTAL_CODES.UNAUTHORIZED, message: login.reason });
    return { error_code: PORTAL_CODES.OK, message: 'Đăng nhập thành công', session: login.session, expiresAt: login.expiresAt.toISOString() };
  }
}

@CommandHandler(PortalSyncCommand)
export class PortalSyncHandler implements ICommandHandler<PortalSyncCommand, PortalSyncAnswer> {
  constructor(private readonly sync: PortalSyncService, private readonly sessions: PostgresPortalSessions, private readonly deadLetters: PostgresDeadLetters) {}

  async execute({ body, authorization, serviceFromPath }: PortalSyncCommand): Promise<PortalSyncAnswer> {
    let parsed: unknown;
    let unreadable: string | undefined;
    try {
      parsed = this.sync.parse(body);
    } catch (error) {
      if (!(error instanceof UnreadableSyncBodyError)) throw error;
      unreadable = error.message;
    }
    // The session travels in the body (the portal's clients) or as a bearer token.
    const inBody = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['session'] : undefined;
    const bearer = bearerKey(authorization);
    const token = typeof inBody === 'string' && inBody !== '' ? inBody : bearer.ok ? bearer.key : undefined;
    const auth = await this.sessions.authenticate(token);
    if (!auth.ok) {
      if (body.length > 0) await this.deadLetters.keep([{ source: PORTAL_UNAUTHENTICATED_SOURCE, reason: auth.reason, raw: body }]);
      throw new UnauthorizedException({ error_code: PORTAL_CODES.UNAUTHORIZED, message: auth.reason });
    }
    const source = `portal:${auth.writer.sourceSystem}`;
    if (unreadable !== undefined) {
      if (body.length > 0) await this.deadLetters.keep([{ source, reason: unreadable, raw: body }]);
      throw new BadRequestException({ error_code: PORTAL_CODES.BAD_REQUEST, message: unreadable });
    }
    try {
      return await this.sync.sync(body, parsed, auth.writer, serviceFromPath);
    } catch (error) {
      if (!(error instanceof UnreadableSyncBodyError)) throw error;
      throw new BadRequestException({ error_code: PORTAL_CODES.BAD_REQUEST, message: error.message });
    }
  }
}
