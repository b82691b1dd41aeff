import { scoringConfig } from '../config';

describe('scoring config', () => {
  const base = { DATABASE_URL: 'postgresql://u:p@localhost:5432/db' };

  it('flushes 20 owed unit-periods per transaction unless told otherwise', () => {
    expect(scoringConfig(base).flushChunk).toBe(20);
    expect(scoringConfig({ ...base, SCORING_FLUSH_CHUNK: '7' }).flushChunk).toBe(7);
  });

  it('refuses a chunk that is not a whole number of at least 1, naming the variable and the value', () => {
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(() => scoringConfig({ ...base, SCORING_FLUSH_CHUNK: bad })).toThrow(`SCORING_FLUSH_CHUNK must be a whole number ≥ 1, got "${bad}"`);
    }
  });
});
