import { Query } from '@nestjs/cqrs';
import type { UnitTrendDto } from '@idx/contracts';

export class GetUnitTrendQuery extends Query<UnitTrendDto> {
  constructor(readonly unitCode: string, readonly to: string | undefined, readonly months: number) {
    super();
  }
}
