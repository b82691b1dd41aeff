export * from './publish-openapi';
export * from './api-error-answers';
