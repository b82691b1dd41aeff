import type { ScoreChange } from '@idx/scoring-projection';

export class ScoresChangedEvent {
  constructor(readonly changes: readonly ScoreChange[], readonly position: bigint) {}
}
