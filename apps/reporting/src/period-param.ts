import { BadRequestException } from '@nestjs/common';
import { monthKeyOf, parsePeriod } from '@idx/domain';

/** The requested period key, the current month when absent; a readable 400 when malformed. */
export function periodParam(value: string | undefined): string {
  const key = value ?? monthKeyOf(Date.now());
  try {
    return parsePeriod(key).key;
  } catch (error) {
    throw new BadRequestException({ reason: `period: ${(error as Error).message}` });
  }
}
