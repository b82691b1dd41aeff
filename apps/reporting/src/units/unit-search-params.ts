import { BadRequestException } from '@nestjs/common';
import type { LocalDate, UnitLevel, UnitSearch } from '@idx/domain';
import { checkYear, oneOfParam, textParam, unitCodeParam, wholeNumberParam } from '../request-params';

/** GET /api/v1/units query parameters, each checked before any work (400 with a reason naming it). */
export const UNIT_SEARCH_PARAMS = ['q', 'level', 'parent', 'asOf', 'limit', 'offset'] as const;
export const UNIT_LEVELS: readonly UnitLevel[] = ['province', 'department', 'district', 'commune'];
export const UNIT_PAGE = { defaultLimit: 50, maxLimit: 200, maxOffset: 100_000 } as const;

const bad = (reason: string): BadRequestException => new BadRequestException({ reason });

/** A local date YYYY-MM-DD that exists in the calendar, in the reported years; undefined when absent. */
export function localDateParam(name: string, value: unknown): LocalDate | undefined {
  const text = textParam(name, value, 16);
  if (text === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw bad(`${name}: "${text}" is not a date (YYYY-MM-DD, e.g. 2025-07-01)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkYear(name, year, text);
  const days = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > days) throw bad(`${name}: "${text}" is not a real calendar date`);
  return text;
}

/** The whole query object: unknown parameters are refused too, so a misspelt filter never silently widens the answer. */
export function unitSearchParams(query: Record<string, unknown>): UnitSearch {
  const unknown = Object.keys(query).filter((k) => !(UNIT_SEARCH_PARAMS as readonly string[]).includes(k));
  if (unknown.length > 0) throw bad(`unknown parameter ${unknown.slice(0, 3).map((k) => `"${k.slice(0, 40)}"`).join(', ')}; accepted: ${UNIT_SEARCH_PARAMS.join(', ')}`);
  const q = textParam('q', query['q'], 100)?.trim();
  if (q !== undefined && q.length === 0) throw bad('q: is blank; give part of a name or a code, or leave it out');
  const parent = query['parent'] === undefined || query['parent'] === '' ? undefined : unitCodeParam('parent', query['parent']);
  const level = oneOfParam('level', query['level'], UNIT_LEVELS);
  const asOf = localDateParam('asOf', query['asOf']);
  return {
    ...(q === undefined ? {} : { q }),
    ...(level === undefined ? {} : { level }),
    ...(parent === undefined ? {} : { parent }),
    ...(asOf === undefined ? {} : { asOf }),
    limit: wholeNumberParam('limit', query['limit'], 1, UNIT_PAGE.maxLimit, UNIT_PAGE.defaultLimit),
    offset: wholeNumberParam('offset', query['offset'], 0, UNIT_PAGE.maxOffset, 0),
  };
}
