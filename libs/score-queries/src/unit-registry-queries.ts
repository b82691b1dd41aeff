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
import { UnitTreeCache } from './cache/unit-tree-cache';

/**
 * The unit registry over the scoring projection's unit facts. The whole country is ~25,000 unit
 * rows, so the tree is kept between requests and read again only when the facts changed
 * (UnitTreeCache, shared with the score reads). The domain's search and code indexes are cached per
 * tree object, so they are built once per change too.
 */
export class UnitRegistryQueries {
  constructor(private readonly prisma: ReadModelClient, private readonly trees: UnitTreeCache = new UnitTreeCache(prisma)) {}

  async tree(): Promise<UnitTree> {
    return (await this.trees.current()).tree;
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
