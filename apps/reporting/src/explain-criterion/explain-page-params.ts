import { BadRequestException } from '@nestjs/common';
import { EXPLAIN_CATEGORIES, type ExplainCategory } from '@idx/contracts';
import { EXPLAIN_PAGE_SIZE, type ExplainPageRequest, parseExplainCursor } from '@idx/score-queries';
import { oneOfParam, textParam, wholeNumberParam } from '../request-params';

/** size, category and cursor of an explain request, each checked before any work (400 with a reason). */
export function explainPageParams(size: unknown, category: unknown, cursor: unknown): ExplainPageRequest {
  const pageSize = wholeNumberParam('size', size, 1, EXPLAIN_PAGE_SIZE.max, EXPLAIN_PAGE_SIZE.default);
  const which: ExplainCategory = oneOfParam('category', category, EXPLAIN_CATEGORIES) ?? 'all';
  const text = textParam('cursor', cursor, 64);
  const parsed = text === undefined ? undefined : parseExplainCursor(text);
  if (text !== undefined && !parsed) {
    throw new BadRequestException({ reason: `cursor: "${text}" is not a cursor this service gave; send the page.next of the previous answer unchanged, or none for the first page` });
  }
  return { size: pageSize, category: which, cursor: parsed };
}
