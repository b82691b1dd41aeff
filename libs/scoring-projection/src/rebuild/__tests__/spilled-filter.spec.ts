import { SpilledFilter } from '../spilled-filter';

describe('SpilledFilter', () => {
  it('never answers "no" for an id added, and rarely "maybe" for one never added', () => {
    const filter = new SpilledFilter(20); // 1 Mi bits
    const added = Array.from({ length: 50_000 }, (_, i) => `dossier\u0000HY-${i % 7}/D${i}`);
    for (const id of added) filter.add(id);
    expect(added.every((id) => filter.mayHave(id))).toBe(true);
    // 3 probes, 50k ids in 2^20 bits: (1 - e^(-3·50000/2^20))^3 ≈ 0.0028 of the others answer "maybe".
    const others = Array.from({ length: 50_000 }, (_, i) => `dossier\u0000HY-${i % 7}/E${i}`);
    const wrong = others.filter((id) => filter.mayHave(id)).length;
    expect(wrong / others.length).toBeLessThan(0.01);
    expect(new SpilledFilter(10).mayHave('dossier\u0000x')).toBe(false);
  });
});
