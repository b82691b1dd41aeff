import { BadRequestException } from '@nestjs/common';
import { parsePeriod } from '@idx/domain';
import { periodParam } from '../period-param';

/** The month an export is for (YYYY-MM; the current month when absent); a readable 400 otherwise. */
export function monthParam(value: unknown): string {
  const key = periodParam(value);
  if (parsePeriod(key).kind !== 'month') {
    throw new BadRequestException({ reason: `period: the exports are monthly: give a month as YYYY-MM, e.g. 2025-03 (got "${key}")` });
  }
  return key;
}

export { unitCodeParam } from '../request-params';
