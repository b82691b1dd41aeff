import { readFileSync } from 'node:fs';

/**
 * Summarises a .cpuprofile: the share of sampled time by function (self) and by function with its
 * callees (inclusive), the figures docs/performance.md quotes.
 *   node dist/tools/cli/tools/bench/profile-summary.js <file.cpuprofile> [top=30]
 */
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  const top = Number(topArg ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist\/tools\/cli)\//, '')}:${n.callFrame.lineNumber + 1}`;
  const timeOf = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    timeOf.set(id, (timeOf.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of timeOf) {
    const leaf = byId.get(id) as ProfileNode;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur) as ProfileNode);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const show = (m: Map<string, number>) => [...m].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`).join('\n');
  console.log(`sampled ${(total / 1e6).toFixed(2)} s`);
  console.log(`self time:\n${show(self)}`);
  console.log(`inclusive time:\n${show(inclusive)}`);
}

main();
