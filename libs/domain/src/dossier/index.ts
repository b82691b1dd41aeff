export * from './dossier-facts';
export * from './evolve-dossier';
export * from './on-time';
