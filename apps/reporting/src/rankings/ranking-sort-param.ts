import { BadRequestException } from '@nestjs/common';
import { parsePeriod, ruleSetInForce } from '@idx/domain';
import { textParam } from '../request-params';

/**
 * `sort`: `total` (default) or one group of the rule set in force for the period (its ids, e.g.
 * `progress`); anything else is answered 400 naming the accepted values.
 */
export function rankingSortParam(value: unknown, periodKey: string): string {
  const text = textParam('sort', value, 40);
  if (text === undefined) return 'total';
  const groups = ruleSetInForce(parsePeriod(periodKey).start).groups.map((g) => g.id);
  if (text !== 'total' && !groups.includes(text)) throw new BadRequestException({ reason: `sort: "${text}" is not one of total, ${groups.join(', ')}` });
  return text;
}
