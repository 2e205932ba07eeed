// Errors the command line turns into exit code 2 with a one-line message (no stack).

/** The command line or a file it names is wrong: a usage error (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
