import { Query } from '@nestjs/cqrs';
import type { LogSealsDto } from '@idx/contracts';

export class LogSealsQuery extends Query<LogSealsDto> {
  constructor(readonly limit: number) {
    super();
  }
}
