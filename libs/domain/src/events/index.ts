export * from './envelope';
export * from './dossier-events';
export * from './procedure-events';
export * from './petition-events';
export * from './unit-events';
export * from './certified-copy-events';
export * from './domain-event';
export * from './streams';
