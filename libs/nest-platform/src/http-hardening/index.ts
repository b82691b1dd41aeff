export * from './compressed-answers';
export * from './hardening-config';
export * from './harden-http';
export * from './rate-limits';
export * from './reasoned-errors.filter';
export * from './request-bounds';
export * from './security-headers';
export * from './precompressed-bundles';
