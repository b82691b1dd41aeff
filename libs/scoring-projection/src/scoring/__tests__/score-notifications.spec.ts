import { scoreChangePayloads } from '../score-notifications';

describe('score-changed payloads', () => {
  const change = (i: number) => ({ unitCode: `U${String(i).padStart(4, '0')}`, period: '2025-03', total: 81.25 });
  // {"unitCode":"U0001","period":"2025-03","total":81.25}: 20 + 19 + 14 = 53 characters; with its comma 54.
  const size = JSON.stringify(change(1)).length;

  it('keeps every change, in order, in JSON arrays PostgreSQL accepts as NOTIFY payloads (under 8000 bytes)', () => {
    const changes = Array.from({ length: 500 }, (_, i) => change(i));
    const payloads = scoreChangePayloads(changes);
    expect(size).toBe(53);
    // n changes make a payload of 2 + 53 n + (n - 1) bytes; one more fits while 2 + 54 (n + 1) ≤ 7000, so 129 per
    // payload (6,967 bytes): 500 changes need 4 payloads (129, 129, 129, 113).
    expect(payloads.map((p) => (JSON.parse(p) as unknown[]).length)).toEqual([129, 129, 129, 113]);
    expect(payloads.every((p) => Buffer.byteLength(p) <= 7000)).toBe(true);
    expect(payloads.flatMap((p) => JSON.parse(p) as unknown[])).toEqual(changes);
  });

  it('sends nothing for no change, and a change too long for any payload alone in its own', () => {
    expect(scoreChangePayloads([])).toEqual([]);
    const long = { unitCode: 'X'.repeat(7100), period: '2025-03', total: 1 };
    expect(scoreChangePayloads([change(1), long, change(2)]).map((p) => (JSON.parse(p) as { unitCode: string }[]).map((c) => c.unitCode.slice(0, 5)))).toEqual([['U0001'], ['XXXXX'], ['U0002']]);
  });
});
