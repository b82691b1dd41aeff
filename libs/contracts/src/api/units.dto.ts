/** GET /api/v1/units and /api/v1/units/{code}: the unit registry (docs/units.md). */

export type UnitLevelDto = 'province' | 'department' | 'district' | 'commune';

/** One unit. Dates are local (Asia/Ho_Chi_Minh) YYYY-MM-DD; `validTo` is the first day it no longer exists. */
export interface RegistryUnitDto {
  readonly code: string;
  readonly name: string;
  readonly level?: UnitLevelDto;
  readonly parentCode?: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly endReason?: 'merged' | 'dissolved';
  readonly successorCode?: string;
  readonly predecessorCodes: readonly string[];
  readonly nationalCodes: readonly string[];
}

export interface UnitSearchPageDto {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly RegistryUnitDto[];
}

const LOCAL_DATE = { type: 'string', format: 'date', example: '2025-07-01' } as const;

/** OpenAPI schemas of the registry's answers, for @ApiOkResponse (a vendor generates its client from them). */
export const REGISTRY_UNIT_SCHEMA = {
  type: 'object',
  required: ['code', 'name', 'validFrom', 'predecessorCodes', 'nationalCodes'],
  properties: {
    code: { type: 'string', example: 'HY25', description: 'The unit code events and scores use' },
    name: { type: 'string', example: 'UBND tỉnh Hưng Yên', description: 'Name at asOf, else the latest name' },
    level: { type: 'string', enum: ['province', 'department', 'district', 'commune'] },
    parentCode: { type: 'string', example: 'HY25' },
    validFrom: { ...LOCAL_DATE, description: 'First day the unit exists' },
    validTo: { ...LOCAL_DATE, description: 'First day the unit no longer exists (absent while it exists)' },
    endReason: { type: 'string', enum: ['merged', 'dissolved'] },
    successorCode: { type: 'string', example: 'HY25', description: 'The unit that carries its history forward' },
    predecessorCodes: { type: 'array', items: { type: 'string' }, example: ['HY', 'TB'], description: 'Units that merged or dissolved into it' },
    nationalCodes: {
      type: 'array', items: { type: 'string' }, example: ['H31', '000.00.00.H31', '33'],
      description: 'National identifier codes: mã định danh (H31, 000.00.12.H31) and GSO codes (33, 00070)',
    },
  },
} as const;

export const UNIT_SEARCH_PAGE_SCHEMA = {
  type: 'object',
  required: ['total', 'limit', 'offset', 'items'],
  properties: {
    total: { type: 'integer', minimum: 0, description: 'Units matching, over all pages' },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
    offset: { type: 'integer', minimum: 0 },
    items: { type: 'array', items: REGISTRY_UNIT_SCHEMA },
  },
} as const;

/** The 4xx answer: a reason a person can act on. */
export const REASON_SCHEMA = {
  type: 'object', required: ['reason'], properties: { reason: { type: 'string', example: 'level: "town" is not one of province, department, district, commune' } },
} as const;
