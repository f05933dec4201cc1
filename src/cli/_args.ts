import { parseArgs, ParseArgsConfig } from 'util';
import { UsageError } from './_usage-error';

/**
 * Command-line parsing shared by the commands: Node's `parseArgs`, with its
 * errors (an unknown option, a missing value) turned into `UsageError`s.
 *
 * @param config the `parseArgs` configuration, `args` included
 */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * The value of an option that takes one of a few words: the default when it
 * is absent, else the value, which must be one of `allowed` (the default
 * among them).
 *
 * @param option the option's name without dashes, for the message
 * @param value what the command line gave
 * @param allowed the accepted words, the default first
 */
export function oneOf<W extends string>(option: string, value: string | undefined, allowed: readonly W[]): W {
  const word = value ?? allowed[0];
  if (!(allowed as readonly string[]).includes(word)) {
    throw new UsageError(`--${option} must be ${wordList(allowed)}, got '${word}'`);
  }
  return word as W;
}

/** `a`, `a or b`, `a, b or c`. */
function wordList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
