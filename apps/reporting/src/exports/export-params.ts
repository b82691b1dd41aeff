import { BadRequestException } from '@nestjs/common';
import { code } from '@idx/contracts';
import { parsePeriod } from '@idx/domain';
import { periodParam } from '../period-param';

/** The month an export is for (YYYY-MM; the current month when absent); a readable 400 otherwise. */
export function monthParam(value: string | undefined): string {
  const key = periodParam(value);
  if (parsePeriod(key).kind !== 'month') {
    throw new BadRequestException({ reason: `period: the exports are monthly: give a month as YYYY-MM, e.g. 2025-03 (got "${key}")` });
  }
  return key;
}

/** A required unit code query parameter, checked like unit codes on the wire. */
export function unitCodeParam(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new BadRequestException({ reason: `${name}: is required (a unit code, e.g. HY)` });
  const checked = code.safeParse(value);
  if (!checked.success) throw new BadRequestException({ reason: `${name}: ${checked.error.issues.map((i) => i.message).join('; ')}` });
  return checked.data;
}
