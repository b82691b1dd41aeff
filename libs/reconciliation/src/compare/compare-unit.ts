import type { ReconciliationFigureDto, ReconciliationRowDto, UnitScoreDto } from '@idx/contracts';
import type { PortalFigure, PortalUnitFigures } from '../portal-file/portal-evaluation';
import { criterionInfo, type GroupId, groupInfo, GROUPS } from '../portal-file/portal-groups';

/** Figures are compared as printed: points and ratios to 2 decimals, counts exactly. */
const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

const minus = (a: number | null, b: number | null, decimals: boolean): number | null =>
  a === null || b === null ? null : decimals ? round2(round2(a) - round2(b)) : a - b;

/** Ours − the portal's, field by field; ratios and points to 2 decimals. */
export function differenceOf(ours: ReconciliationFigureDto | null, portal: ReconciliationFigureDto): ReconciliationFigureDto {
  return {
    numerator: minus(ours?.numerator ?? null, portal.numerator, false),
    denominator: minus(ours?.denominator ?? null, portal.denominator, false),
    ratio: minus(ours?.ratio ?? null, portal.ratio, true),
    points: minus(ours?.points ?? null, portal.points, true),
  };
}

const agreesOn = (d: ReconciliationFigureDto): boolean => [d.numerator, d.denominator, d.ratio, d.points].every((v) => v === null || v === 0);

function row(kind: ReconciliationRowDto['kind'], criterion: number | null, group: string | null, labelVi: string, ours: ReconciliationFigureDto | null, portal: ReconciliationFigureDto): ReconciliationRowDto {
  const difference = differenceOf(ours, portal);
  // Without a figure of ours nothing agrees: the unit is in the portal's figures and not in ours.
  return { kind, criterion, group, labelVi, ours, portal, difference, agrees: ours !== null && agreesOn(difference) };
}

/** The portal's figure; a ratio the file leaves out is the one its counts give (percent). */
function portalFigure(f: PortalFigure): ReconciliationFigureDto {
  const ratio = f.ratio ?? (f.numerator !== null && f.denominator !== null && f.denominator > 0 ? (f.numerator / f.denominator) * 100 : null);
  return { numerator: f.numerator, denominator: f.denominator, ratio: ratio === null ? null : round2(ratio), points: f.points };
}

const pointsOnly = (points: number | null): ReconciliationFigureDto => ({ numerator: null, denominator: null, ratio: null, points });

/**
 * One unit's comparison: every criterion the portal gives counts for, every group it gives points
 * for, and the total — ours beside the portal's, and the difference (ours − portal's).
 */
export function compareUnit(portal: PortalUnitFigures, ours: UnitScoreDto | undefined): ReconciliationRowDto[] {
  const rows: ReconciliationRowDto[] = [];
  for (const f of portal.criteria) {
    const info = criterionInfo(f.criterion);
    const c = ours?.criteria.find((x) => x.id === f.criterion);
    const mine = c === undefined ? null : { numerator: c.numerator, denominator: c.denominator, ratio: c.ratio === null ? null : round2(c.ratio * 100), points: c.points === null ? null : round2(c.points) };
    rows.push(row('criterion', f.criterion, info?.group ?? null, `${f.criterion}. ${info?.nameVi ?? ''}`.trim(), mine, portalFigure(f)));
  }
  for (const g of GROUPS) {
    const points = portal.groups[g.id as GroupId];
    if (points === undefined) continue;
    const mine = ours?.groups.find((x) => x.id === g.id);
    rows.push(row('group', null, g.id, `${groupInfo(g.id).nameVi} (${g.max})`, mine === undefined ? null : pointsOnly(mine.notApplicable ? null : round2(mine.points)), pointsOnly(points)));
  }
  if (portal.total !== null) rows.push(row('total', null, null, 'Tổng điểm (100)', ours === undefined ? null : pointsOnly(ours.total), pointsOnly(portal.total)));
  return rows;
}
