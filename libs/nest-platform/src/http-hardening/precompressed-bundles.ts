import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=UTF-8', '.css': 'text/css; charset=UTF-8' };

interface Compressed { readonly br: Buffer; readonly gzip: Buffer }

/**
 * Content-hashed bundles (main-MR6G4FQD.js) never change, so each is compressed once, at the
 * strongest settings (brotli 11, gzip 9), and kept in memory: compressing the 156 kB vendor chunk
 * on every cold load cost ~36 ms of server CPU, and brotli 11 is ~11 % smaller than what the
 * per-request compressor can afford. The first request of a bundle is served by the per-request
 * compressor while its copy is made in the background (zlib's thread pool), so start-up waits for
 * nothing. Answers carry Content-Length (a browser can show progress) and Vary: Accept-Encoding.
 */
export function precompressedBundles(dir: string, isBundle: (path: string) => boolean): RequestHandler {
  const root = normalize(dir + sep);
  const ready = new Map<string, Compressed>();
  const started = new Set<string>();

  const prepare = (file: string) => {
    if (started.has(file)) return;
    started.add(file);
    void readFile(file)
      .then(async (bytes) => {
        const [br, gz] = await Promise.all([
          brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          gzipped(bytes, { level: 9 }),
        ]);
        ready.set(file, { br, gzip: gz });
      })
      // No such file (a 404 for the static server to give) or unreadable: forgotten, so made-up
      // bundle names cannot grow this set; never fatal.
      .catch(() => started.delete(file));
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isBundle(req.path)) return next();
    const type = TYPES[extname(req.path)];
    const file = normalize(join(root, req.path));
    if (!type || !file.startsWith(root)) return next();
    const copy = ready.get(file);
    if (!copy) {
      prepare(file);
      return next();
    }
    // Brotli when the client takes it at all (browsers list gzip first with equal weight), else gzip.
    const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : undefined;
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    const body = copy[encoding];
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', String(body.length));
    res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    res.status(200);
    if (req.method === 'HEAD') res.end();
    else res.end(body);
  };
}
