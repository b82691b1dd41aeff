import type { ScoreChange } from '@idx/read-models';

export class ScoresChangedEvent {
  constructor(readonly changes: readonly ScoreChange[], readonly position: bigint) {}
}
