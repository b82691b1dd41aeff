export * from './unit-facts';
export * from './evolve-unit';
export * from './unit-tree';
export * from './reference-units';
export * from './reference-unit-events';
export * from './peers';
export * from './pool-members-during';
