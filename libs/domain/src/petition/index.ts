export * from './petition-facts';
export * from './evolve-petition';
export * from './petition-on-time';
