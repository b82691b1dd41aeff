import type { PoolClient } from 'pg';

/**
 * Where one row's fields lie in `buffer`: field i starts at `starts[i]` and is `lengths[i]` bytes
 * long (-1: null). Valid only during the call it is given to (both arrays are reused).
 */
export interface BinaryRow {
  readonly buffer: Buffer;
  readonly starts: Int32Array;
  readonly lengths: Int32Array;
}

/** `COPY … TO STDOUT (FORMAT binary)`'s signature, flags and header extension length (PostgreSQL docs, "Binary Format"). */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER = SIGNATURE.length + 8;

/**
 * Cuts COPY's binary stream into rows. PostgreSQL sends one CopyData message per row, but the
 * protocol does not promise it, so a row may arrive split and a message may hold several.
 */
export class BinaryCopyParser {
  private pending: Buffer | undefined;
  private headerSeen = false;
  private ended = false;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;

  constructor(private readonly fields: number, private readonly onRow: (row: BinaryRow) => void) {
    this.starts = new Int32Array(fields);
    this.lengths = new Int32Array(fields);
  }

  /** True once the trailer (field count -1) was read. */
  get done(): boolean {
    return this.ended;
  }

  /** Takes one chunk; rows it completes are given to `onRow` before it returns (the chunk may be reused after). */
  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      this.pending = undefined;
    }
    let at = 0;
    if (!this.headerSeen) {
      if (buf.length < HEADER) return this.keep(buf, 0);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('COPY binary stream: bad signature');
      const extension = buf.readInt32BE(SIGNATURE.length + 4);
      if (buf.length < HEADER + extension) return this.keep(buf, 0);
      at = HEADER + extension;
      this.headerSeen = true;
    }
    const row: BinaryRow = { buffer: buf, starts: this.starts, lengths: this.lengths };
    while (at + 2 <= buf.length && !this.ended) {
      const count = buf.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        return;
      }
      if (count !== this.fields) throw new Error(`COPY binary stream: a row of ${count} fields where ${this.fields} were asked for`);
      let p = at + 2;
      let complete = true;
      for (let i = 0; i < count; i += 1) {
        if (p + 4 > buf.length) { complete = false; break; }
        const length = buf.readInt32BE(p);
        p += 4;
        const size = length < 0 ? 0 : length;
        if (p + size > buf.length) { complete = false; break; }
        this.starts[i] = p;
        this.lengths[i] = length;
        p += size;
      }
      if (!complete) return this.keep(buf, at);
      this.onRow(row);
      at = p;
    }
    if (at < buf.length && !this.ended) this.keep(buf, at);
  }

  private keep(buf: Buffer, from: number): void {
    // A copy: the driver may reuse the chunk's memory once this call returns.
    this.pending = Buffer.from(buf.subarray(from));
  }
}

interface SocketLike {
  pause(): void;
  resume(): void;
}

/**
 * Rows of `COPY (query) TO STDOUT (FORMAT binary)` on one client, decoded by `decode` as they
 * arrive and yielded in pages of `pageSize`. The server produces rows while the caller works on a
 * page: at most `ahead` pages wait decoded, then the socket is paused (the server then waits on
 * TCP), so memory stays bounded whatever the table's size. A caller that stops early ends the
 * client's connection (the caller must release it with an error so the pool drops it).
 */
export async function* copyOutPages<T>(
  client: PoolClient, sql: string, fields: number, decode: (row: BinaryRow) => T, pageSize: number, ahead = 2,
): AsyncGenerator<T[]> {
  const ready: T[][] = [];
  let page: T[] = [];
  let failed: Error | undefined;
  let finished = false;
  let socket: SocketLike | undefined;
  let paused = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const parser = new BinaryCopyParser(fields, (row) => {
    page.push(decode(row));
    if (page.length >= pageSize) {
      ready.push(page);
      page = [];
      if (ready.length >= ahead && socket && !paused) {
        paused = true;
        socket.pause();
      }
      signal();
    }
  });
  const ignore = (): void => undefined;
  const submittable = {
    submit(connection: { query(text: string): void; stream: SocketLike }) {
      socket = connection.stream;
      connection.query(sql);
    },
    handleCopyData(message: { chunk: Buffer }) {
      if (failed) return;
      try {
        parser.push(message.chunk);
      } catch (error) {
        failed = error as Error;
        signal();
      }
    },
    handleCommandComplete: ignore,
    handleRowDescription: ignore,
    handleDataRow: ignore,
    handleEmptyQuery: ignore,
    handlePortalSuspended: ignore,
    handleCopyInResponse(connection: { sendCopyFail(message: string): void }) {
      connection.sendCopyFail('a COPY TO was expected');
    },
    handleError(error: Error) {
      failed ??= error;
      finished = true;
      signal();
    },
    handleReadyForQuery() {
      if (page.length > 0) ready.push(page);
      page = [];
      if (!failed && !parser.done) failed = new Error('COPY binary stream ended without its trailer');
      finished = true;
      signal();
    },
  };
  (client as unknown as { query(submittable: unknown): void }).query(submittable);
  for (;;) {
    if (failed) throw failed;
    const next = ready.shift();
    if (next) {
      if (paused && ready.length < ahead) {
        paused = false;
        socket?.resume();
      }
      yield next;
      continue;
    }
    if (finished) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}
