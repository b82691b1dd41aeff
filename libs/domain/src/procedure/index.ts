export * from './procedure-facts';
export * from './evolve-procedure';
