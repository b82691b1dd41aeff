export * from './events';
export * from './time';
export * from './rules';
export * from './dossier';
export * from './scoring';
export * from './projection';
