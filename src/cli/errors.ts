/** A problem the user can fix: printed as one line, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Wrong arguments: exit code 2, as usual for usage errors. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}
