import { BadRequestException } from '@nestjs/common';

/** An ISO-8601 instant from a query parameter; a readable 400 when malformed. */
export function instantParam(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new BadRequestException({ reason: `${name}: "${value}" is not an ISO-8601 date-time, e.g. 2025-02-05T08:00:00+07:00` });
  return new Date(t);
}

export function requiredInstant(name: string, value: string | undefined): Date {
  const t = instantParam(name, value);
  if (!t) throw new BadRequestException({ reason: `${name}: is required (an ISO-8601 date-time)` });
  return t;
}

export function criterionParam(value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 21) throw new BadRequestException({ reason: `criterion: must be a whole number from 1 to 21, got "${value ?? ''}"` });
  return n;
}

export function monthKeyParam(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new BadRequestException({ reason: `${name}: "${value}" is not a month (YYYY-MM)` });
  return value;
}
