type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Nest log levels from LOG_LEVELS (e.g. "error,warn"); services default to error, warn and log. */
export function logLevels(env: NodeJS.ProcessEnv = process.env): LogLevel[] {
  return (env['LOG_LEVELS'] ?? 'error,warn,log').split(',').map((l) => l.trim() as LogLevel);
}
