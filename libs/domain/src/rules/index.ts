export * from './rule-set';
export * from './vietnam-working-calendar';
export * from './qd766-2022';
export * from './registry';
export * from './check-rule-set';
