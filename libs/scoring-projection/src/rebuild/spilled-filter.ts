/**
 * Which subjects may have been spilled, in a fixed 8 MiB whatever their number (a Bloom filter): a
 * page whose subjects were all never spilled — the usual page, of new dossiers — asks the database
 * nothing, so it does not wait for the COPY in flight. "Maybe" can be wrong (the question is then
 * asked and answered "none"); "no" never is. At 4M spilled subjects about 0.5 % of new ones are asked.
 */
export class SpilledFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(log2Bits = 26) {
    this.bits = new Uint32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  add(id: string): void {
    const [a, b] = hashes(id);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = (a + i * b) & this.mask;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayHave(id: string): boolean {
    const [a, b] = hashes(id);
    for (let i = 0; i < PROBES; i += 1) {
      const bit = (a + i * b) & this.mask;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

const PROBES = 3;

/** Two 32-bit FNV-1a hashes of different offsets (double hashing makes the probes; the second odd). */
function hashes(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return [a >>> 0, (b | 1) >>> 0];
}
