import { FlinkOption } from './_flink-options';
import { parseFlinkDuration } from './_java-duration';
import { parseJavaDouble, parseJavaFloat, parseJavaInt, parseJavaLong } from './_java-numbers';
import { isJavaWhitespace, javaTrim } from './_java-text';
import { parseMemorySize } from './_memory-size';

/**
 * Typed reads of a flat Flink configuration with Flink's semantics
 * (`org.apache.flink.configuration.Configuration` as the operator loads it
 * from `flink-conf.yaml`): an option's value is found under its key, then
 * its fallback keys in order, else its default; a value that does not
 * convert to the option's type is an error worded as Flink words it.
 */

/** A value that does not convert to its option's type. */
export class ConfigValueError extends Error {}

/** `StructuredOptionsSplitter.splitEscaped(text, delimiter)`: quoted, trimmed list items. */
export function splitFlinkList(text: string, delimiter: string): string[] {
  type Token = { kind: 'quoted' | 'unquoted' | 'delimiter'; text: string; position: number };
  const tokens: Token[] = [];
  for (let cursor = 0; cursor < text.length;) {
    const c = text[cursor];
    if (c === '\'' || c === '"') {
      let value = '';
      let i = cursor + 1;
      for (; i < text.length; i++) {
        if (text[i] !== c) {
          value += text[i];
        } else if (text[i + 1] === c) {
          value += c;
          i++;
        } else {
          break;
        }
      }
      if (i >= text.length) {
        throw new Error('Could not split string. Quoting was not closed properly.');
      }
      tokens.push({ kind: 'quoted', text: value, position: cursor });
      cursor = i + 1;
    } else if (c === delimiter) {
      tokens.push({ kind: 'delimiter', text: c, position: cursor });
      cursor++;
    } else if (!isJavaWhitespace(c)) {
      let end = cursor;
      while (end < text.length && text[end] !== delimiter) {
        end++;
      }
      tokens.push({ kind: 'unquoted', text: javaTrim(text.substring(cursor, end)), position: cursor });
      cursor = end;
    } else {
      cursor++;
    }
  }
  const items: string[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token.kind === 'quoted' && next !== undefined && next.kind !== 'delimiter') {
      throw new Error(`Could not split string. Illegal quoting at position: ${next.position - 1}`);
    }
    if (token.kind !== 'delimiter') {
      items.push(token.text);
    } else if (next?.kind === 'delimiter') {
      items.push('');
    }
  });
  return items;
}

/** A flat Flink configuration read with Flink's option semantics. */
export class FlinkConfig {
  constructor(private readonly entries: Readonly<Record<string, string>>) {}

  /** `Configuration.containsKey`: the exact key is set. */
  containsKey(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.entries, key);
  }

  /** `Configuration.contains`: the key or one of its fallback keys is set. */
  contains(option: FlinkOption): boolean {
    return this.raw(option) !== undefined;
  }

  /** The configured string under the key or the first fallback key set. */
  raw(option: FlinkOption): string | undefined {
    if (this.containsKey(option.key)) {
      return this.entries[option.key];
    }
    for (const key of option.fallbackKeys) {
      if (this.containsKey(key)) {
        return this.entries[key];
      }
    }
    return undefined;
  }

  /** The configured or default string. */
  string(option: FlinkOption): string | undefined {
    return this.raw(option) ?? option.defaultValue;
  }

  /** A boolean option (`true`/`false`, case-insensitive). */
  boolean(option: FlinkOption): boolean {
    return this.convert(option, (text) => {
      const upper = text.toUpperCase();
      return upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
    }) ?? false;
  }

  /** An `int` option. */
  int(option: FlinkOption): number | undefined {
    return this.convert(option, (text) => {
      const parsed = parseJavaInt(text);
      return 'value' in parsed ? parsed.value : undefined;
    });
  }

  /** A `long` option. */
  long(option: FlinkOption): bigint | undefined {
    return this.convert(option, (text) => {
      const parsed = parseJavaLong(text);
      return 'value' in parsed ? parsed.value : undefined;
    });
  }

  /** A `double` option. */
  double(option: FlinkOption): number | undefined {
    return this.convert(option, parseJavaDouble);
  }

  /** A `float` option, widened to double. */
  float(option: FlinkOption): number | undefined {
    return this.convert(option, parseJavaFloat);
  }

  /** A memory size option, in bytes. */
  memory(option: FlinkOption): bigint | undefined {
    return this.convert(option, (text) => {
      try {
        return parseMemorySize(text);
      } catch {
        return undefined;
      }
    });
  }

  /** Whether a duration option is set (throws when it is set to something else than a duration). */
  hasDuration(option: FlinkOption): boolean {
    return this.convert(option, (text) => parseFlinkDuration(text) !== undefined ? true : undefined) ?? false;
  }

  /** A duration option, in nanoseconds. */
  duration(option: FlinkOption): bigint | undefined {
    return this.convert(option, parseFlinkDuration);
  }

  /** A list-of-strings option (`;`-separated, quotes allowed). */
  list(option: FlinkOption): string[] {
    return this.convert(option, (text) => {
      try {
        return splitFlinkList(text, ';');
      } catch {
        return undefined;
      }
    }) ?? [];
  }

  /** Reads and converts; a configured value that does not convert throws {@link ConfigValueError}. */
  private convert<T>(option: FlinkOption, parse: (text: string) => T | undefined): T | undefined {
    const raw = this.raw(option);
    if (raw === undefined) {
      return option.defaultValue === undefined ? undefined : parse(option.defaultValue);
    }
    const value = parse(raw);
    if (value === undefined) {
      throw new ConfigValueError(`Could not parse value '${raw}' for key '${option.key}'.`);
    }
    return value;
  }
}
