export const CONFIG = Symbol('ReportingConfig');
