import { criterion01AnnouncedOnTime } from './criterion-01-announced-on-time';
import { criterion02PublishedOnTime } from './criterion-02-published-on-time';
import { criterion03PublishedInFull } from './criterion-03-published-in-full';
import { criterion04Synced } from './criterion-04-synced';
import { criterion05OnTime } from './criterion-05-on-time';
import { criterion06OnlineServices } from './criterion-06-online-services';
import { criterion07OnlineServicesUsed } from './criterion-07-online-services-used';
import { criterion08OnlineFiling } from './criterion-08-online-filing';
import { criterion09FeeProceduresPaidOnline } from './criterion-09-fee-procedures-paid-online';
import { criterion10PaymentIntegrated } from './criterion-10-payment-integrated';
import { criterion11DossiersPaidOnline } from './criterion-11-dossiers-paid-online';
import { criterion12EResults } from './criterion-12-e-results';
import { criterion13Digitised } from './criterion-13-digitised';
import { criterion14Reused } from './criterion-14-reused';
import { criterion15ECertifiedCopies } from './criterion-15-e-certified-copies';
import { criterion16CitizenStore } from './criterion-16-citizen-store';
import { criterion17PopulationDbProcedures } from './criterion-17-population-db-procedures';
import { criterion18PopulationDataDossiers } from './criterion-18-population-data-dossiers';
import { criterion19PetitionsOnTime } from './criterion-19-petitions-on-time';
import { criterion20PetitionSatisfaction } from './criterion-20-petition-satisfaction';
import { criterion21DossierSatisfaction } from './criterion-21-dossier-satisfaction';
import type { CriterionCalculator, Figure, ScoringInput } from './figures';

/** All 21 criteria of DOMAIN.md §2, in order. A new criterion is one more calculator in this list. */
export const CALCULATORS: readonly CriterionCalculator[] = [
  criterion01AnnouncedOnTime,
  criterion02PublishedOnTime,
  criterion03PublishedInFull,
  criterion04Synced,
  criterion05OnTime,
  criterion06OnlineServices,
  criterion07OnlineServicesUsed,
  criterion08OnlineFiling,
  criterion09FeeProceduresPaidOnline,
  criterion10PaymentIntegrated,
  criterion11DossiersPaidOnline,
  criterion12EResults,
  criterion13Digitised,
  criterion14Reused,
  criterion15ECertifiedCopies,
  criterion16CitizenStore,
  criterion17PopulationDbProcedures,
  criterion18PopulationDataDossiers,
  criterion19PetitionsOnTime,
  criterion20PetitionSatisfaction,
  criterion21DossierSatisfaction,
];

/** Ids of the criteria the platform can compute: what a rule set may score, and what reports and audits list. */
export const CRITERION_IDS: readonly number[] = CALCULATORS.map((c) => c.id);

/** One unit's own figures for a period, for every criterion the rule set scores. */
export function computeFigures(input: ScoringInput, calculators = CALCULATORS): Map<number, Figure> {
  const scored = new Set(input.ruleSet.criteria.map((c) => c.id));
  return new Map(calculators.filter((c) => scored.has(c.id)).map((c) => [c.id, c.compute(input)]));
}
