import { BinaryCopyParser, type BinaryRow } from '../copy-out';

/** A COPY binary stream written by hand from the format's description (PostgreSQL docs, "COPY", Binary Format). */
function binaryStream(rows: readonly (readonly (Buffer | null)[])[], extension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00])];
  const int32 = (n: number) => { const b = Buffer.alloc(4); b.writeInt32BE(n); return b; };
  const int16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
  parts.push(int32(0), int32(extension.length), extension);
  for (const row of rows) {
    parts.push(int16(row.length));
    for (const field of row) parts.push(field === null ? int32(-1) : Buffer.concat([int32(field.length), field]));
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}

const int8 = (n: bigint) => { const b = Buffer.alloc(8); b.writeBigInt64BE(n); return b; };
const decode = (row: BinaryRow) => [
  row.lengths[0] < 0 ? null : row.buffer.readBigInt64BE(row.starts[0]),
  row.lengths[1] < 0 ? null : row.buffer.toString('utf8', row.starts[1], row.starts[1] + row.lengths[1]),
];

describe('BinaryCopyParser', () => {
  const texts = ['{"a":"Sở Tư pháp"}', '', 'x'.repeat(3_000), '{"s":"tab\\there \\\\ \\"quoted\\" 😀"}', 'tail'];
  const rows = texts.map((t, i) => [int8(BigInt(i) * 9_007_199_254_740_993n - 5n), i === 1 ? null : Buffer.from(t, 'utf8')]);
  const expected = texts.map((t, i) => [BigInt(i) * 9_007_199_254_740_993n - 5n, i === 1 ? null : t]);
  const stream = binaryStream(rows, Buffer.from('ext!'));

  it('reads every row whole however the stream is cut into chunks, and marks the trailer', () => {
    // Cuts at every byte inside the header and the first rows, then random cuts across the rest.
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial += 1) {
      const got: unknown[] = [];
      const parser = new BinaryCopyParser(2, (row) => got.push(decode(row)));
      let at = 0;
      while (at < stream.length) {
        const size = trial < 60 ? trial + 1 : 1 + Math.floor(random() * 4_000);
        // A copy per chunk, overwritten after the push: the parser must not keep the caller's memory.
        const chunk = Buffer.from(stream.subarray(at, at + size));
        parser.push(chunk);
        chunk.fill(0);
        at += size;
      }
      expect(got).toEqual(expected);
      expect(parser.done).toBe(true);
    }
  });

  it('refuses a stream that is not COPY binary, or rows of another width', () => {
    expect(() => new BinaryCopyParser(2, () => undefined).push(Buffer.from('PGCOPY\nnot really a header at all'))).toThrow(/signature/);
    expect(() => new BinaryCopyParser(3, () => undefined).push(stream)).toThrow(/a row of 2 fields where 3/);
  });
});
