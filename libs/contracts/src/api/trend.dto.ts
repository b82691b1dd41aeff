/** A unit's monthly totals and groups, oldest first (GET /api/v1/units/{code}/trend?to=YYYY-MM&months=12). */
export interface UnitTrendDto {
  readonly unitCode: string;
  readonly points: readonly {
    readonly period: string;
    /** null when the unit has no data for the month. */
    readonly total: number | null;
    readonly groups: Readonly<Record<string, number | null>>;
  }[];
}
