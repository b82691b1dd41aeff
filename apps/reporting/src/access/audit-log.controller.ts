import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '@idx/access';
import { apiSchemaRef, type AuditLogPageDto } from '@idx/contracts';
import { ApiErrorAnswers } from '@idx/nest-platform';
import { Roles } from './access.decorators';

@ApiTags('audit')
@Controller('api/v1/audit/log')
export class AuditLogController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: 'Who did what and when (logins, logouts, closed months, account changes), newest first' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 100' })
  @ApiQuery({ name: 'before', required: false, description: 'an entry id: only older entries (the nextBefore of the previous page)' })
  @ApiOkResponse({ description: 'One page of entries, newest first', schema: apiSchemaRef('AuditLogPage') })
  @ApiErrorAnswers({ 400: 'limit outside 1–500, or a malformed before' })
  page(@Query('limit') limit?: string, @Query('before') before?: string): Promise<AuditLogPageDto> {
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500) throw new BadRequestException({ reason: `limit: must be a whole number from 1 to 500, got "${limit}"` });
    if (before !== undefined && !/^[1-9]\d{0,17}$/.test(before)) throw new BadRequestException({ reason: `before: must be an entry id (a positive whole number), got "${before}"` });
    return this.log.page({ limit: n, before: before === undefined ? undefined : BigInt(before) });
  }
}
