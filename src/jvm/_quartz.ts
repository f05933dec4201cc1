import { parseJavaInt } from './_java-numbers';
import { javaSplit, javaTokenize, javaTrim } from './_java-text';

/**
 * Whether text is accepted by Quartz 2.4's `CronExpression` and
 * `DailyCalendar` parsers, the two forms of the autoscaler's excluded
 * periods. Only acceptance matters; the parse mirrors Quartz's, including
 * the out-of-range reads that make it reject an expression.
 *
 * Quartz bounds an open year range (`2100/5`, a start year with a step) at
 * `CronExpression.MAX_YEAR`, the year its class was loaded plus 100, and
 * rejects a range that starts after that bound: the operator's verdict on
 * such a range depends on the year its pod started. The library uses a
 * fixed year instead ({@link QUARTZ_REFERENCE_YEAR}), so that its verdict
 * never changes with the calendar; the conformance run documents the
 * difference that appears once the operator's year moves past it.
 *
 * Measured against Quartz over the 10,000 generated strings of the
 * conformance run (1,296 of them valid): croner 11.0.1 answers differently
 * on 1,269 and cron-parser 5.10.7 on 1,331 (neither reads Quartz's `?`
 * rules, `L-n`, `nW` or the year field as Quartz does), so the parser is
 * written here.
 */

/**
 * The year Quartz's `MAX_YEAR` is computed from in the library: the year
 * this check was compared with Quartz 2.4 (an operator pod started in 2026
 * has `MAX_YEAR` 2126).
 */
export const QUARTZ_REFERENCE_YEAR = 2026;

const SECOND = 0;
const MINUTE = 1;
const HOUR = 2;
const DAY_OF_MONTH = 3;
const MONTH = 4;
const DAY_OF_WEEK = 5;
const YEAR = 6;
const ALL_SPEC = 99;
const NO_SPEC = 98;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Any reason Quartz rejects the expression. */
class CronRejected extends Error {}

function reject(): never {
  throw new CronRejected();
}

function charAt(text: string, index: number): string {
  return index >= 0 && index < text.length ? text[index] : reject();
}

function substring(text: string, start: number, end = text.length): string {
  return start >= 0 && start <= end && end <= text.length ? text.substring(start, end) : reject();
}

function parseInt(text: string): number {
  const parsed = parseJavaInt(text);
  return 'value' in parsed ? parsed.value : reject();
}

function isAsciiDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** What the checks of `CronExpression` need to know about each field's value set. */
interface FieldSet {
  nonEmpty: boolean;
  hasAllSpec: boolean;
  hasNoSpec: boolean;
}

class CronParser {
  private readonly sets: FieldSet[] = Array.from({ length: 7 }, () => ({ nonEmpty: false, hasAllSpec: false, hasNoSpec: false }));
  private lastDayOfMonth = false;
  private readonly maxYear: number;

  constructor(referenceYear: number) {
    this.maxYear = referenceYear + 100;
  }

  parse(expression: string): void {
    let field = SECOND;
    for (const token of javaTokenize(expression, ' \t')) {
      if (field > YEAR) {
        break;
      }
      const expr = javaTrim(token);
      if (field === DAY_OF_MONTH && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        reject();
      }
      if (field === DAY_OF_WEEK && expr.includes('L') && expr.length > 1 && expr.includes(',')) {
        reject();
      }
      if (field === DAY_OF_WEEK && expr.indexOf('#') !== -1 && expr.indexOf('#', expr.indexOf('#') + 1) !== -1) {
        reject();
      }
      for (const value of javaTokenize(expr, ',')) {
        this.storeExpressionValue(value, field);
      }
      field++;
    }
    if (field <= DAY_OF_WEEK) {
      reject();
    }
    if (field <= YEAR) {
      this.storeExpressionValue('*', YEAR);
    }
    if (this.sets[DAY_OF_MONTH].hasNoSpec === this.sets[DAY_OF_WEEK].hasNoSpec) {
      reject();
    }
  }

  private add(field: number, value: number): void {
    const set = this.sets[field];
    set.nonEmpty = true;
    set.hasAllSpec ||= value === ALL_SPEC;
    set.hasNoSpec ||= value === NO_SPEC;
  }

  private storeExpressionValue(s: string, type: number): void {
    let i = 0;
    if (i >= s.length) {
      return;
    }
    const c = s[i];
    if (c >= 'A' && c <= 'Z' && s !== 'L' && s !== 'LW' && !/^L-[0-9]*W?$/.test(s)) {
      this.storeNamedValue(s, type);
      return;
    }
    if (c === '?') {
      i++;
      if (i + 1 < s.length && s[i] !== ' ' && s[i + 1] !== '\t') {
        reject();
      }
      if (type !== DAY_OF_WEEK && type !== DAY_OF_MONTH) {
        reject();
      }
      if (type === DAY_OF_WEEK && !this.lastDayOfMonth) {
        const dayOfMonth = this.sets[DAY_OF_MONTH];
        if (!dayOfMonth.nonEmpty || (dayOfMonth.hasNoSpec && !dayOfMonth.hasAllSpec)) {
          reject();
        }
      }
      this.addToSet(NO_SPEC, -1, 0, type);
      return;
    }
    if (c === '*' || c === '/') {
      this.storeAllValues(s, type);
      return;
    }
    if (c === 'L') {
      this.storeLast(s, type);
      return;
    }
    if (isAsciiDigit(c)) {
      let value = Number(c);
      i++;
      if (i >= s.length) {
        this.addToSet(value, -1, -1, type);
        return;
      }
      if (isAsciiDigit(s[i])) {
        const more = this.getValue(value, s, i);
        value = more.value;
        i = more.pos;
      }
      this.checkNext(i, s, value, type);
      return;
    }
    reject();
  }

  private storeNamedValue(s: string, type: number): void {
    let i = 0;
    const lookup = type === MONTH ? (name: string) => MONTHS.indexOf(name) + 1 : (name: string) => DAYS.indexOf(name) + 1;
    if (type !== MONTH && type !== DAY_OF_WEEK) {
      reject();
    }
    const start = lookup(substring(s, i, i + 3));
    let end = -1;
    if (start <= 0) {
      reject();
    }
    if (s.length > i + 3) {
      const next = s[i + 3];
      if (next === '-') {
        i += 4;
        end = lookup(substring(s, i, i + 3));
        if (end <= 0) {
          reject();
        }
      } else if (type === DAY_OF_WEEK && next === '#') {
        i += 4;
        const nth = parseInt(substring(s, i));
        if (nth < 1 || nth > 5) {
          reject();
        }
      }
    }
    this.addToSet(start, end, end !== -1 ? 1 : 0, type);
  }

  private storeAllValues(s: string, type: number): void {
    let i = 0;
    const c = s[i];
    if (c === '*' && i + 1 >= s.length) {
      this.addToSet(ALL_SPEC, -1, 0, type);
      return;
    }
    if (c === '/' && (i + 1 >= s.length || s[i + 1] === ' ' || s[i + 1] === '\t')) {
      reject();
    }
    if (c === '*') {
      i++;
    }
    let increment = 1;
    if (charAt(s, i) === '/') {
      i++;
      if (i >= s.length) {
        reject();
      }
      increment = parseInt(substring(s, i));
      this.checkIncrementRange(increment, type);
    }
    this.addToSet(ALL_SPEC, -1, increment, type);
  }

  private storeLast(s: string, type: number): void {
    let i = 1;
    if (type === DAY_OF_MONTH) {
      this.lastDayOfMonth = true;
    }
    if (type === DAY_OF_WEEK) {
      this.addToSet(7, 7, 0, type);
    }
    if (type === DAY_OF_MONTH && s.length > i && s[i] === '-') {
      const offset = this.getValue(0, s, i + 1);
      if (offset.value > 30) {
        reject();
      }
      i = offset.pos;
    }
  }

  private checkIncrementRange(increment: number, type: number): void {
    const max = [59, 59, 23, 31, 12, 7, Infinity][type];
    if (increment > max) {
      reject();
    }
  }

  private checkNext(pos: number, s: string, value: number, type: number): void {
    let i = pos;
    if (i >= s.length) {
      this.addToSet(value, -1, -1, type);
      return;
    }
    const c = s[i];
    if (c === 'L') {
      if (type !== DAY_OF_WEEK || value < 1 || value > 7) {
        reject();
      }
      this.add(type, value);
      return;
    }
    if (c === 'W') {
      if (type !== DAY_OF_MONTH || value > 31) {
        reject();
      }
      this.add(type, value);
      return;
    }
    if (c === '#') {
      if (type !== DAY_OF_WEEK) {
        reject();
      }
      const nth = parseInt(substring(s, i + 1));
      if (nth < 1 || nth > 5) {
        reject();
      }
      this.add(type, value);
      return;
    }
    if (c === '-') {
      i++;
      const first = parseInt(charAt(s, i));
      let end = first;
      i++;
      if (i >= s.length) {
        this.addToSet(value, end, 1, type);
        return;
      }
      if (isAsciiDigit(s[i])) {
        const more = this.getValue(first, s, i);
        end = more.value;
        i = more.pos;
      }
      if (i < s.length && s[i] === '/') {
        i++;
        const step = parseInt(charAt(s, i));
        i++;
        if (i < s.length && isAsciiDigit(s[i])) {
          this.addToSet(value, end, this.getValue(step, s, i).value, type);
        } else {
          this.addToSet(value, end, step, type);
        }
      } else {
        this.addToSet(value, end, 1, type);
      }
      return;
    }
    if (c === '/') {
      if (i + 1 >= s.length || s[i + 1] === ' ' || s[i + 1] === '\t') {
        reject();
      }
      i++;
      const step = parseInt(charAt(s, i));
      i++;
      if (i >= s.length) {
        this.checkIncrementRange(step, type);
        this.addToSet(value, -1, step, type);
        return;
      }
      if (!isAsciiDigit(s[i])) {
        reject();
      }
      const increment = this.getValue(step, s, i).value;
      this.checkIncrementRange(increment, type);
      this.addToSet(value, -1, increment, type);
      return;
    }
    this.addToSet(value, -1, 0, type);
  }

  private getValue(first: number, s: string, start: number): { value: number; pos: number } {
    let i = start;
    let c = charAt(s, i);
    let digits = String(first);
    while (isAsciiDigit(c)) {
      digits += c;
      i++;
      if (i >= s.length) {
        break;
      }
      c = s[i];
    }
    return { value: parseInt(digits), pos: i < s.length ? i : i + 1 };
  }

  private addToSet(value: number, end: number, increment: number, type: number): void {
    const outOfRange = (min: number, max: number) => value < min || value > max || end > max;
    const special = value === ALL_SPEC || ((type === DAY_OF_MONTH || type === DAY_OF_WEEK) && value === NO_SPEC);
    if (!special) {
      if (((type === SECOND || type === MINUTE) && outOfRange(0, 59))
        || (type === HOUR && outOfRange(0, 23))
        || (type === DAY_OF_MONTH && outOfRange(1, 31))
        || (type === MONTH && outOfRange(1, 12))
        || (type === DAY_OF_WEEK && (value === 0 || value > 7 || end > 7))) {
        reject();
      }
    }
    if ((increment === 0 || increment === -1) && value !== ALL_SPEC) {
      this.add(type, value === -1 ? NO_SPEC : value);
      return;
    }
    if (value === ALL_SPEC && increment <= 0) {
      this.add(type, ALL_SPEC);
    }
    const start = value === -1 || value === ALL_SPEC ? [0, 0, 0, 1, 1, 1, 1970][type] : value;
    const stop = end === -1 ? [59, 59, 23, 31, 12, 7, this.maxYear][type] : end;
    if (stop < start && type === YEAR) {
      reject();
    }
    this.sets[type].nonEmpty = true;
  }
}

/**
 * Whether Quartz's `new CronExpression(text)` accepts the text, in a JVM
 * that loaded Quartz in `referenceYear`.
 */
export function isQuartzCronExpression(text: string, referenceYear: number = QUARTZ_REFERENCE_YEAR): boolean {
  try {
    new CronParser(referenceYear).parse(text.toUpperCase());
    return true;
  } catch {
    return false;
  }
}

function isValidTimeOfDay(parts: readonly number[]): boolean {
  const [hour, minute, second = 0, millis = 0] = parts;
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && millis >= 0 && millis <= 999;
}

function timeOfDay(text: string): number[] | undefined {
  const parts = javaTokenize(text, ':');
  if (parts.length < 2 || parts.length > 4) {
    return undefined;
  }
  const values: number[] = [];
  for (const part of parts) {
    const parsed = parseJavaInt(part);
    if ('error' in parsed) {
      return undefined;
    }
    values.push(parsed.value);
  }
  return isValidTimeOfDay(values) ? values : undefined;
}

function millisOfDay(parts: readonly number[]): number {
  const [hour, minute, second = 0, millis = 0] = parts;
  return ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** Whether `start-end` is a Quartz `DailyCalendar` time range (start strictly before end). */
export function isQuartzDailyRange(text: string): boolean {
  const bounds = javaSplit(text, '-');
  if (bounds.length !== 2) {
    return false;
  }
  const start = timeOfDay(bounds[0]);
  const end = timeOfDay(bounds[1]);
  return start !== undefined && end !== undefined && millisOfDay(start) < millisOfDay(end);
}

