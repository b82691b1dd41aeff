import {
  findRegistryUnit,
  type LocalDate,
  type NationalCodeResolution,
  type RegistryUnit,
  resolveNationalCode,
  searchUnits,
  type TreeDate,
  type UnitSearch,
  type UnitSearchPage,
  type UnitTree,
} from '@idx/domain';
import type { ReadModelClient } from '@idx/read-models';
import { loadUnitTree } from './unit-tree-loader';

/**
 * The unit registry over the scoring projection's unit facts. The whole country is ~15,000 units,
 * so the tree is kept between requests and read again only when the facts changed: one aggregate
 * (count and last folded position of the unit rows) per request tells. The domain's search and
 * code indexes are cached per tree object, so they are built once per change too.
 */
export class UnitRegistryQueries {
  private cached?: { readonly marker: string; readonly tree: Promise<UnitTree> };

  constructor(private readonly prisma: ReadModelClient) {}

  async tree(): Promise<UnitTree> {
    const state = await this.prisma.subjectFact.aggregate({ where: { kind: 'unit' }, _count: { key: true }, _max: { lastPosition: true } });
    const marker = `${state._count.key}/${state._max.lastPosition ?? ''}`;
    if (this.cached?.marker !== marker) {
      const tree = loadUnitTree(this.prisma);
      this.cached = { marker, tree };
      tree.catch(() => (this.cached = undefined)); // a failed read is not kept
    }
    return this.cached.tree;
  }

  async search(search: UnitSearch): Promise<UnitSearchPage> {
    return searchUnits(await this.tree(), search);
  }

  async unit(code: string, asOf?: LocalDate): Promise<RegistryUnit | undefined> {
    return findRegistryUnit(await this.tree(), code, asOf);
  }

  /** A national code (or a MaHoSo starting with one) → the unit it names at `at`. */
  async resolve(nationalCode: string, at: TreeDate): Promise<NationalCodeResolution> {
    return resolveNationalCode(await this.tree(), nationalCode, at);
  }
}
