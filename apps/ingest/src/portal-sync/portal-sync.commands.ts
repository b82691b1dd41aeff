import { Command } from '@nestjs/cqrs';
import type { PortalLoginAnswer, PortalSyncAnswer, SyncService } from '@idx/portal-sync';

/** `{username, password}` as posted (raw bytes). */
export class PortalLoginCommand extends Command<PortalLoginAnswer> {
  constructor(readonly body: Buffer) {
    super();
  }
}

/** A sync call's raw bytes, the Authorization header, and the service named by the URL, if any. */
export class PortalSyncCommand extends Command<PortalSyncAnswer> {
  constructor(readonly body: Buffer, readonly authorization: string | undefined, readonly serviceFromPath?: SyncService) {
    super();
  }
}
