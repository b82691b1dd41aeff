export * from './criterion-subjects';
export * from './subject-summary';
export * from './why-not-counted';
export * from './explain-criterion';
