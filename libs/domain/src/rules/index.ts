export * from './rule-set';
export * from './qd766-2022';
export * from './registry';
