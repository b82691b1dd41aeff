export * from './seal-key';
export * from './log-seal-config';
export * from './seal-format';
export * from './seal-witness';
export * from './log-sealer';
export * from './log-verifier';
export * from './log-audit';
