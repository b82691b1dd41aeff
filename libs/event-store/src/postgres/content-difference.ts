import { canonicalJson } from './canonical-json';

/**
 * The paths (e.g. `data.dueAt`, `occurredAt`) where two JSON values differ, depth first in key
 * order, at most `limit` of them: what a sender needs to see to understand why an event id it
 * re-sent was refused. Values that are equal as canonical JSON have no differences.
 */
export function contentDifferences(stored: unknown, incoming: unknown, limit = 5): string[] {
  const out: string[] = [];
  walk(stored, incoming, '', out, limit);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      if (a[key] === undefined && b[key] === undefined) continue;
      walk(a[key], b[key], path ? `${path}.${key}` : key, out, limit);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) walk(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (canonicalJson(a) !== canonicalJson(b)) out.push(path || '(whole event)');
}
