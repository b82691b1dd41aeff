export * from './subject-projection';
export * from './dossier-projection';
export * from './procedure-projection';
export * from './petition-projection';
export * from './unit-projection';
export * from './registry';
export * from './fold-events';
