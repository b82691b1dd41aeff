import { BadRequestException } from '@nestjs/common';
import { monthKeyOf, resolvePeriod } from '@idx/domain';

/** The requested period key (or mtd/qtd/htd/ytd), the current month when absent; a readable 400 when malformed. */
export function periodParam(value: string | undefined): string {
  const key = value ?? monthKeyOf(Date.now());
  try {
    return resolvePeriod(key, Date.now()).period.key;
  } catch (error) {
    throw new BadRequestException({ reason: `period: ${(error as Error).message}; use YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY or mtd` });
  }
}
