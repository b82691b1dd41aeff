export * from './text/vi-text';
export * from './text/cells';
export * from './csv/rfc4180';
export * from './appendix/monthly-appendix';
export * from './appendix/appendix-xlsx';
export * from './appendix/appendix-csv';
export * from './summary/monthly-summary';
export * from './summary/summary-pdf';
