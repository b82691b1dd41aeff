import { isNdjson } from '@idx/ingestion';
import type { NextFunction, Request, Response } from 'express';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * Only JSON (a JSON array) and NDJSON batches are read. Anything else — in particular the form
 * encodings a cross-site HTML form can POST without a CORS preflight — is answered 415 before its
 * body is read (so, like an oversized batch, there are no bytes to keep).
 */
export function jsonOrNdjsonOnly() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' && req.method !== 'PUT' && req.method !== 'PATCH') return next();
    const header = req.headers['content-type'];
    const type = (header ?? '').split(';')[0].trim().toLowerCase();
    const charset = CHARSET.exec(header ?? '')?.[1]?.toLowerCase();
    const typeOk = type === 'application/json' || isNdjson(header);
    if (typeOk && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return next();
    res.status(415).json({
      status: 'rejected',
      reason: typeOk
        ? `charset "${charset}" is not accepted: send the batch as UTF-8`
        : `content type "${header ?? '(none)'}" is not accepted: send a JSON array as application/json or one event per line as application/x-ndjson`,
    });
  };
}
