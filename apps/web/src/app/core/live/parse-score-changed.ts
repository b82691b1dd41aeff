import type { ScoreChangedMessageDto } from '@idx/contracts';

/** The console must not break on one malformed message: anything unusable is dropped. */
export function parseScoreChanged(data: string): ScoreChangedMessageDto | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Partial<Record<keyof ScoreChangedMessageDto, unknown>>;
  if (typeof message.unitCode !== 'string' || typeof message.period !== 'string') return null;
  return {
    unitCode: message.unitCode,
    period: message.period,
    total: typeof message.total === 'number' ? message.total : Number.NaN,
    changedAt: typeof message.changedAt === 'string' ? message.changedAt : '',
  };
}
