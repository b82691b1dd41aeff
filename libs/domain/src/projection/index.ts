export * from './subject-projection';
export * from './dossier-projection';
export * from './registry';
