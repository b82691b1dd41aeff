import { criterionInfo, type GroupId, groupInfo, groupOf, LEGACY_GROUP_COLUMNS, LEGACY_TOTAL_COLUMN, SINGLE_CRITERION_GROUPS } from './portal-groups';
import type { PortalEvaluation, PortalFigure, PortalFileReading, PortalUnitFigures } from './portal-evaluation';
import { isRecord, pick, readCode, readName, readNumber, shown } from './portal-values';

/** Bounds on what a file may hold; beyond them it is refused with the bound named. */
export interface PortalFileLimits {
  readonly maxBytes: number;
  readonly maxRows: number;
  readonly maxDepth: number;
}

export const DEFAULT_PORTAL_FILE_LIMITS: PortalFileLimits = { maxBytes: 4 * 1024 * 1024, maxRows: 20_000, maxDepth: 32 };

/** Reasons listed at most; the rest are counted (one wrong column repeats on every row). */
const MAX_PROBLEMS = 50;

// Aliases of each field, most specific first: the portal's camelCase API names, its Vietnamese ones, our own.
const UNIT_CODE = ['departmentCode', 'maDonVi', 'MaDonVi', 'unitCode', 'agencyCode', 'MA_COQUAN', 'maCoQuan', 'ID'];
const UNIT_NAME = ['departmentName', 'tenDonVi', 'TenDonVi', 'unitName', 'TEN', 'name'];
const GROUP = ['group', 'groupCode', 'groupName', 'nhom', 'code', 'name', 'id'];
const ROW_GROUP = ['group', 'groupCode', 'groupName', 'nhom'];
const ROWS = ['items', 'data', 'rows', 'departments', 'units'];
const LISTS = ['groups', 'data', 'items', 'result', 'rows'];
const CRITERION = ['criterion', 'criterionId', 'chiSo', 'chiTieu'];
const NESTED_CRITERIA = ['criteria', 'indicators', 'chiSos'];
const NUMERATOR = ['numerator', 'totalOnTime', 'tuSo'];
const DENOMINATOR = ['denominator', 'totalReceived', 'mauSo', 'total'];
const OVERDUE = ['totalOverdue'];
const RATIO = ['ratio', 'tyLe', 'rate'];
const SCORE = ['score', 'points', 'diem'];

const COUNT = { whole: true, min: 0, max: 1e9, what: 'a count' } as const;
const PERCENT = { min: 0, max: 100, what: 'a percentage' } as const;

/** The deepest nesting of arrays and objects, found without parsing (a deep file could exhaust the parser). */
function nestingDepth(text: string, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return deepest;
}

interface RowEntry {
  readonly path: string;
  readonly row: unknown;
  readonly group: GroupId | undefined;
}

interface UnitDraft {
  name: string | null;
  readonly criteria: Map<number, PortalFigure>;
  readonly groups: Map<GroupId, number>;
  total: number | null;
  firstPath: string;
}

class Problems {
  readonly list: string[] = [];
  private more = 0;
  add(problem: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(problem);
    else this.more += 1;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  all(): string[] {
    return this.more === 0 ? this.list : [...this.list, `… and ${this.more} more problem(s) of the same kind`];
  }
}

/** The period a file names: `period` ("2025-03"), or the portal's request fields p_nam / p_thang / p_quy. */
function readPeriod(root: Record<string, unknown>, problems: Problems): string | null {
  const given = pick(root, ['period', 'kyDanhGia']);
  if (given !== undefined && given.value !== null && given.value !== '') {
    if (typeof given.value === 'string' && /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-H[12])?$/.test(given.value)) return given.value;
    problems.add(`${given.name}: must be YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY, found ${shown(given.value)}`);
    return null;
  }
  const year = pick(root, ['p_nam', 'year', 'nam']);
  if (year === undefined) return null;
  const y = readNumber(year.value, year.name, { whole: true, min: 2022, max: 2100, what: 'a year' });
  const month = pick(root, ['p_thang', 'month', 'thang']);
  const quarter = pick(root, ['p_quy', 'quarter', 'quy']);
  const m = month ? readNumber(month.value, month.name, { whole: true, min: 0, max: 12, what: 'a month (0 = none)' }) : { ok: true as const, value: null };
  const q = quarter ? readNumber(quarter.value, quarter.name, { whole: true, min: 0, max: 4, what: 'a quarter (0 = none)' }) : { ok: true as const, value: null };
  for (const r of [y, m, q]) if (!r.ok) problems.add(r.problem);
  if (!y.ok || !m.ok || !q.ok || y.value === null) return null;
  if (m.value) return `${y.value}-${String(m.value).padStart(2, '0')}`;
  if (q.value) return `${y.value}-Q${q.value}`;
  return String(y.value);
}

/** The rows of a file, each with the group its list stands for (if any). */
function rowsOf(root: unknown, problems: Problems): RowEntry[] {
  let list: unknown = root;
  let base = '';
  if (isRecord(root)) {
    const found = pick(root, LISTS);
    if (found !== undefined && !Array.isArray(found.value)) {
      problems.add(`${found.name}: must be a list (of groups, or of units), found ${shown(found.value)}`);
      return [];
    }
    if (found === undefined) {
      problems.add(`the file must be a list of groups (each with its units) or of units, or an object holding one under "groups" or "data"; found an object with ${Object.keys(root).slice(0, 8).map((k) => JSON.stringify(k)).join(', ') || 'no fields'}`);
      return [];
    }
    list = found.value as unknown[];
    base = found.name;
  } else if (!Array.isArray(root)) {
    problems.add(`the file must be a JSON list or object, found ${shown(root)}`);
    return [];
  }
  const entries: RowEntry[] = [];
  (list as unknown[]).forEach((item, i) => {
    const path = `${base}[${i}]`;
    const rows = isRecord(item) ? pick(item, ROWS) : undefined;
    if (isRecord(item) && rows !== undefined && Array.isArray(rows.value)) {
      const name = pick(item, GROUP);
      const group = groupOf(name?.value);
      if (group === undefined) {
        problems.add(`${path}.${name?.name ?? 'group'}: must name one of the six groups (Công khai, minh bạch · Tiến độ giải quyết · Dịch vụ công trực tuyến · Thanh toán trực tuyến · Mức độ hài lòng · Số hóa hồ sơ, or CKMB, TDGQ, …), found ${shown(name?.value)}`);
        return;
      }
      (rows.value as unknown[]).forEach((row, j) => entries.push({ path: `${path}.${rows.name}[${j}]`, row, group }));
    } else entries.push({ path, row: item, group: undefined });
  });
  return entries;
}

/** Counts, ratio and score of one object (a row, or a criterion inside one). */
function figureOf(o: Record<string, unknown>, path: string, pointsMax: number, problems: Problems): (PortalFigure & { readonly given: boolean }) | undefined {
  const read = (names: readonly string[], rule: Parameters<typeof readNumber>[2]): number | null | undefined => {
    const found = pick(o, names);
    if (found === undefined) return null;
    const r = readNumber(found.value, `${path}.${found.name}`, rule);
    if (!r.ok) {
      problems.add(r.problem);
      return undefined;
    }
    return r.value;
  };
  const numerator = read(NUMERATOR, COUNT);
  const given = read(DENOMINATOR, COUNT);
  const overdue = read(OVERDUE, COUNT);
  const ratio = read(RATIO, PERCENT);
  const points = read(SCORE, { min: 0, max: pointsMax, what: `points (at most ${pointsMax})` });
  if (numerator === undefined || given === undefined || overdue === undefined || ratio === undefined || points === undefined) return undefined;
  // The portal lists on-time and overdue dossiers; without a received count, the two make it up.
  const denominator = given ?? (numerator !== null && overdue !== null ? numerator + overdue : null);
  if (numerator !== null && denominator !== null && numerator > denominator) {
    problems.add(`${path}: the numerator (${numerator}) is larger than the denominator (${denominator})`);
    return undefined;
  }
  return { numerator, denominator, overdue, ratio, points, given: [numerator, given, overdue, ratio].some((v) => v !== null) };
}

function draftOf(units: Map<string, UnitDraft>, code: string, path: string): UnitDraft {
  let d = units.get(code);
  if (!d) units.set(code, (d = { name: null, criteria: new Map(), groups: new Map(), total: null, firstPath: path }));
  return d;
}

const sameFigure = (a: PortalFigure, b: PortalFigure): boolean =>
  a.numerator === b.numerator && a.denominator === b.denominator && a.overdue === b.overdue && a.ratio === b.ratio && a.points === b.points;

function setCriterion(d: UnitDraft, code: string, criterion: number, figure: PortalFigure, path: string, problems: Problems): void {
  const { numerator, denominator, overdue, ratio, points } = figure;
  const f: PortalFigure = { numerator, denominator, overdue, ratio, points };
  const before = d.criteria.get(criterion);
  if (before && !sameFigure(before, f)) problems.add(`${path}: unit ${code} has a second, different figure for criterion ${criterion} (first at ${d.firstPath})`);
  else d.criteria.set(criterion, f);
}

function setGroup(d: UnitDraft, code: string, group: GroupId, points: number, path: string, problems: Problems): void {
  const before = d.groups.get(group);
  if (before !== undefined && before !== points) problems.add(`${path}: unit ${code} has a second, different score for group ${group} (${before} and ${points})`);
  else d.groups.set(group, points);
}

/** One row: a unit's figures for a group (or a criterion), or the portal's group-score columns. */
function readRow(entry: RowEntry, units: Map<string, UnitDraft>, problems: Problems, notices: string[], legacy: { used: boolean }): void {
  const { path, row } = entry;
  if (!isRecord(row)) {
    problems.add(`${path}: must be a unit's figures (an object with departmentCode), found ${shown(row)}`);
    return;
  }
  const codeField = pick(row, UNIT_CODE);
  const code = readCode(codeField?.value, `${path}.${codeField?.name ?? 'departmentCode'}`);
  if (!code.ok) {
    problems.add(code.problem);
    return;
  }
  const nameField = pick(row, UNIT_NAME);
  const name = readName(nameField?.value, `${path}.${nameField?.name ?? 'departmentName'}`);
  if (!name.ok) problems.add(name.problem);
  const d = draftOf(units, code.value, path);
  if (name.ok && name.value !== null && d.name === null) d.name = name.value;

  let used = false;
  for (const [column, group] of Object.entries(LEGACY_GROUP_COLUMNS)) {
    if (!Object.hasOwn(row, column)) continue;
    const r = readNumber(row[column], `${path}.${column}`, { min: 0, max: groupInfo(group).max, what: `points (at most ${groupInfo(group).max})` });
    if (!r.ok) problems.add(r.problem);
    else if (r.value !== null) setGroup(d, code.value, group, r.value, `${path}.${column}`, problems);
    used = legacy.used = true;
  }
  if (Object.hasOwn(row, LEGACY_TOTAL_COLUMN)) {
    const r = readNumber(row[LEGACY_TOTAL_COLUMN], `${path}.${LEGACY_TOTAL_COLUMN}`, { min: 0, max: 100, what: 'points (at most 100)' });
    if (!r.ok) problems.add(r.problem);
    else d.total = r.value;
    used = legacy.used = true;
  }

  const rowGroupField = entry.group === undefined ? pick(row, ROW_GROUP) : undefined;
  const group = entry.group ?? groupOf(rowGroupField?.value);
  if (rowGroupField !== undefined && group === undefined) problems.add(`${path}.${rowGroupField.name}: must name one of the six groups, found ${shown(rowGroupField.value)}`);
  const criterionField = pick(row, CRITERION);
  let criterion: number | undefined;
  if (criterionField !== undefined) {
    const r = readNumber(criterionField.value, `${path}.${criterionField.name}`, { whole: true, min: 1, max: 21, what: 'a criterion number' });
    if (!r.ok) problems.add(r.problem);
    else if (r.value !== null) criterion = r.value;
  }
  criterion ??= group === undefined ? undefined : SINGLE_CRITERION_GROUPS[group];

  if (criterion !== undefined) {
    const info = criterionInfo(criterion);
    const f = info && figureOf(row, path, info.max, problems);
    if (f) {
      if (f.given || f.points !== null) setCriterion(d, code.value, criterion, f, path, problems);
      // A group of one criterion: its points are the group's.
      if (group !== undefined && SINGLE_CRITERION_GROUPS[group] === criterion && f.points !== null) setGroup(d, code.value, group, f.points, path, problems);
    }
    used = true; // attributed: a wrong field was reported above
  } else if (group !== undefined) {
    const f = figureOf(row, path, groupInfo(group).max, problems);
    if (f) {
      if (f.points !== null) setGroup(d, code.value, group, f.points, path, problems);
      if (f.given) notices.push(`${path}: counts of group ${group} are not compared: the group holds several criteria and the row names none (add "criterion")`);
    }
    used = true;
  }

  const nested = pick(row, NESTED_CRITERIA);
  if (nested !== undefined) {
    if (!Array.isArray(nested.value)) problems.add(`${path}.${nested.name}: must be a list of criteria, found ${shown(nested.value)}`);
    else {
      nested.value.forEach((item, k) => {
        const p = `${path}.${nested.name}[${k}]`;
        if (!isRecord(item)) return problems.add(`${p}: must be a criterion's figures (an object), found ${shown(item)}`);
        const idField = pick(item, [...CRITERION, 'id', 'code']);
        const id = readNumber(idField?.value, `${p}.${idField?.name ?? 'criterion'}`, { whole: true, min: 1, max: 21, what: 'a criterion number' });
        if (!id.ok || id.value === null) return problems.add(id.ok ? `${p}: must name its criterion (1–21)` : id.problem);
        const f = figureOf(item, p, (criterionInfo(id.value) as { max: number }).max, problems);
        if (f) setCriterion(d, code.value, id.value, f, p, problems);
        used = true;
      });
    }
  }
  if (!used) problems.add(`${path}: unit ${code.value} carries no figures of a known group or criterion (expected e.g. a group's list with totalReceived / totalOnTime / score, or the columns CKMB, TDGQ, …)`);
}

/**
 * Reads a portal evaluation file (the JSON its public evaluation API answers, docs/reconciliation.md)
 * tolerantly — aliases, numbers as text, unknown fields ignored — and refuses it whole, with every
 * reason, when a field is wrong: a partly read file would give a misleading reconciliation.
 */
export function readPortalEvaluation(bytes: Uint8Array, limits: PortalFileLimits = DEFAULT_PORTAL_FILE_LIMITS): PortalFileReading {
  const refuse = (...problems: string[]): PortalFileReading => ({ ok: false, problems });
  if (bytes.length === 0) return refuse('the file is empty: upload the JSON the portal\'s evaluation page answers');
  if (bytes.length > limits.maxBytes) return refuse(`the file is ${bytes.length} bytes; at most ${limits.maxBytes} are accepted (RECONCILIATION_MAX_FILE_BYTES): import one province or one period at a time`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse('the file is not UTF-8 text: save it as UTF-8 JSON');
  }
  const depth = nestingDepth(text, limits.maxDepth);
  if (depth > limits.maxDepth) return refuse(`the file is nested deeper than ${limits.maxDepth} levels; a portal evaluation is a list of groups of units`);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return refuse(`the file is not JSON: ${(e as Error).message.slice(0, 200)}`);
  }
  const problems = new Problems();
  const period = isRecord(root) ? readPeriod(root, problems) : null;
  const entries = rowsOf(root, problems);
  if (entries.length > limits.maxRows) return refuse(`the file holds ${entries.length} unit rows; at most ${limits.maxRows} are read`);
  const units = new Map<string, UnitDraft>();
  const notices: string[] = [];
  const legacy = { used: false };
  for (const entry of entries) readRow(entry, units, problems, notices, legacy);
  if (!problems.any && units.size === 0) problems.add('the file holds no unit figures: expected groups with their units (departmentCode, totalReceived, totalOnTime, score …) or the portal\'s rows (MA_COQUAN, CKMB, TDGQ, …)');
  if (problems.any) return { ok: false, problems: problems.all() };
  const evaluation: PortalEvaluation = {
    period,
    format: legacy.used ? 'report-tinh-766' : 'groups',
    units: [...units.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, d]): PortalUnitFigures => ({
      departmentCode: code,
      departmentName: d.name,
      criteria: [...d.criteria.entries()].sort(([a], [b]) => a - b).map(([criterion, f]) => ({ criterion, ...f })),
      groups: Object.fromEntries(d.groups),
      total: d.total,
    })),
    notices: notices.slice(0, MAX_PROBLEMS),
  };
  return { ok: true, evaluation };
}
