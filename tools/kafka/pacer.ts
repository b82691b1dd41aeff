/**
 * Sends at a fixed rate: every tick, as many items as the rate allows since the start minus what
 * was sent, so a slow send is caught up on (up to `maxPerTick`) instead of lowering the rate.
 */
export async function paced(
  { rate, total, seconds, tickMs = 20, maxPerTick = 50_000 }: { rate: number; total?: number; seconds?: number; tickMs?: number; maxPerTick?: number },
  send: (count: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const started = Date.now();
  const limit = total ?? (seconds !== undefined ? Math.round(rate * seconds) : Infinity);
  let sent = 0;
  while (sent < limit && !shouldStop()) {
    const due = Math.min(limit, Math.floor((rate * (Date.now() - started)) / 1000)) - sent;
    if (due > 0) {
      const count = Math.min(due, maxPerTick);
      await send(count);
      sent += count;
    }
    const next = started + ((sent + 1) * 1000) / rate;
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(tickMs, next - Date.now()))));
  }
  return sent;
}
