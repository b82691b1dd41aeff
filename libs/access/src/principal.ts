import { CONSOLE_ROLES, type ConsoleRole, type ConsoleUserDto, SCOPED_ROLES } from '@idx/contracts';

/** Who is asking: a signed-in console user, whatever identity provider vouched for them. */
export type Principal = ConsoleUserDto;

export function isConsoleRole(value: unknown): value is ConsoleRole {
  return typeof value === 'string' && (CONSOLE_ROLES as readonly string[]).includes(value);
}

export function isScopedRole(role: ConsoleRole): boolean {
  return SCOPED_ROLES.includes(role);
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** Why a username is not acceptable (3–64 of a–z, 0–9, `.`, `_`, `-`), or undefined. */
export function usernameProblem(username: string): string | undefined {
  return USERNAME.test(username) ? undefined : 'username: use 3 to 64 characters a–z, 0–9, ".", "_" or "-", starting with a letter or digit';
}
