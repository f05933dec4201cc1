/**
 * An error the CLI reports as one line with exit code 2: bad arguments, or
 * input that cannot be read or parsed.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
