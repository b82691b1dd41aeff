export * from './portal-file/portal-evaluation';
export * from './portal-file/portal-groups';
export * from './portal-file/read-portal-evaluation';
export * from './compare/compare-unit';
export * from './compare/portal-synced-dossiers';
export * from './imports/import-event';
export * from './imports/import-policy';
export * from './reconciliation-service';
