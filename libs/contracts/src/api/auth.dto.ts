/**
 * Console accounts (docs/console-accounts.md). The roles are shared by the API (libs/access) and the
 * console, which shows or hides actions by role (the API still decides).
 */
export const CONSOLE_ROLES = ['national', 'province', 'unit', 'auditor', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** Roles whose reads are limited to one unit's subtree (the account's unit). */
export const SCOPED_ROLES: readonly ConsoleRole[] = ['province', 'unit'];

export interface ConsoleUserDto {
  readonly username: string;
  readonly role: ConsoleRole;
  /** The unit whose subtree a `province` or `unit` account may read. */
  readonly unitCode: string | null;
}

/** GET /api/v1/auth/me: who is signed in, and whether reads need a session at all. */
export interface AuthMeDto {
  readonly user: ConsoleUserDto | null;
  readonly readsPublic: boolean;
}

export interface LoginRequestDto {
  readonly username: string;
  readonly password: string;
}

export interface AuditLogEntryDto {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditLogPageDto {
  readonly entries: readonly AuditLogEntryDto[];
  /** Pass as `before` for the next (older) page; null at the start of the log. */
  readonly nextBefore: string | null;
}
