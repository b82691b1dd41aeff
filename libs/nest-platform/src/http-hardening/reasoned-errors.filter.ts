import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

function reasonOf(body: Record<string, unknown>, fallback: string): string {
  const message = body['message'];
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' && message !== '' ? message : fallback;
}

/**
 * Every error answer carries `reason`, a sentence a person can act on: the services' own errors
 * already do; Nest's built-in ones (unknown route, unreadable JSON body) say `message`, copied here.
 * An unexpected error is logged with its stack and answered 500 without internals.
 */
@Catch()
export class ReasonedErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('http');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return super.catch(exception, host);
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const body = typeof raw === 'string' ? { statusCode: status, message: raw } : { statusCode: status, ...(raw as Record<string, unknown>) };
      res.status(status).json('reason' in body ? body : { ...body, reason: reasonOf(body, exception.message) });
      return;
    }
    this.logger.error((exception as Error)?.stack ?? String(exception));
    res.status(500).json({ statusCode: 500, reason: 'internal error: it has been logged; tell the operators the time of this request' });
  }
}
