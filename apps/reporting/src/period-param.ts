import { BadRequestException, ConflictException } from '@nestjs/common';
import { monthKeyOf, parsePeriod, resolvePeriod, VIETNAM_OFFSET_MS } from '@idx/domain';
import { checkYear, monthKeyParam, textParam } from './request-params';

const FORMS = 'use YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd/qtd/htd/ytd, e.g. 2025-03';

/** The requested period key (or mtd/qtd/htd/ytd), the current month when absent; a readable 400 when malformed. */
export function periodParam(value: unknown, now = Date.now()): string {
  const key = textParam('period', value, 16) ?? monthKeyOf(now);
  let resolved: string;
  try {
    resolved = resolvePeriod(key, now).period.key;
  } catch (error) {
    throw new BadRequestException({ reason: `period: ${(error as Error).message}; ${FORMS}` });
  }
  checkYear('period', Number(resolved.slice(0, 4)), key);
  return resolved;
}

/** A month key (YYYY-MM) in the reported years, required. */
export function monthPathParam(value: unknown): string {
  const key = monthKeyParam('period', value);
  if (key === undefined) throw new BadRequestException({ reason: 'period: is required, a month as YYYY-MM' });
  return key;
}

const localDay = (instant: number): string => new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/**
 * A month that may be closed: well formed, in the reported years, and over. A month still running
 * (or in the future) is refused with 409 and the day it can be closed: a snapshot published before
 * the month ends would be missing the rest of its events for good.
 */
export function closableMonthParam(value: unknown, now = Date.now()): string {
  const key = monthPathParam(value);
  const period = parsePeriod(key);
  if (period.end > now) {
    throw new ConflictException({ reason: `period ${key} is not over yet: it can be closed from ${localDay(period.end)} 00:00 (Vietnam time)` });
  }
  return key;
}
