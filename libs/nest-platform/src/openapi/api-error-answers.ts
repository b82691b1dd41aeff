import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { apiSchemaRef } from '@idx/contracts';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503;

/**
 * Documents an operation's error answers, each `{ statusCode, reason }` (ErrorAnswer): the status
 * and when it happens. One decorator per operation instead of one per status keeps the list beside
 * the handler readable.
 */
export function ApiErrorAnswers(answers: Partial<Record<ErrorStatus, string>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(answers).map(([status, description]) => ApiResponse({ status: Number(status), description, schema: apiSchemaRef('ErrorAnswer') })),
  );
}
