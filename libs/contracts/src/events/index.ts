export * from './primitives';
export * from './envelope.schema';
export * from './dossier.schema';
export * from './unit.schema';
export * from './catalogue';
export * from './validate-event';
