/** A command line the tool cannot act on: the tool prints the reason and its usage, and exits 2. */
export class UsageError extends Error {}

/** The value of `--name VALUE` or `--name=VALUE`, if given (a following flag is not a value). */
export function option(args: readonly string[], name: string): string | undefined {
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined && !args[i + 1].startsWith('--') ? args[i + 1] : undefined;
}

/** The value after `--name`, which the command cannot do without. */
export function need(args: readonly string[], name: string): string {
  const v = option(args, name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

/** The platform's database, from DATABASE_URL. */
export function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new UsageError('DATABASE_URL is not set (npm start prints the embedded one: postgresql://qd766:qd766@127.0.0.1:5766/qd766)');
  return url;
}

/**
 * Runs a command-line tool: no command or `--help` prints the usage (exit 2 or 0); a UsageError
 * prints the reason and the usage (exit 2); an error `isExpected` names (a refusal) prints its
 * message (exit 1); anything else prints in full (exit 1). Otherwise exits with main's code.
 */
export function runCli(name: string, usage: string, main: (command: string, args: string[]) => Promise<number>, isExpected: (error: unknown) => boolean = () => false): void {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === '--help') {
    console.log(usage);
    process.exit(command ? 0 : 2);
  }
  main(command, args).then((code) => process.exit(code), (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}\n\n${usage}`);
      process.exit(2);
    }
    console.error(isExpected(error) ? `${name}: ${(error as Error).message}` : error);
    process.exit(1);
  });
}
