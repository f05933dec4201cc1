import { goQuote } from '../../../src/manifest/_go-quote';
import { quantityIsZero, quantityValue } from '../../../src/render/spotify/_go-quantity';
import { GoVersion, goVersionLessThan, parseGoVersion } from '../../../src/render/spotify/_go-version';

function version(text: string): GoVersion {
  const parsed = parseGoVersion(text);
  if ('error' in parsed) {
    throw new Error(parsed.error);
  }
  return parsed;
}

describe('hashicorp/go-version', () => {
  test.each([
    ['1.18', [1n, 18n, 0n], ''],
    ['v1.18', [1n, 18n, 0n], ''],
    ['1', [1n, 0n, 0n], ''],
    ['1.10.0.1', [1n, 10n, 0n, 1n], ''],
    ['1.18.1-rc1', [1n, 18n, 1n], 'rc1'],
    ['1.18rc1', [1n, 18n, 0n], 'rc1'],
    ['1.18.0+build.5', [1n, 18n, 0n], ''],
  ])('%j parses', (text, segments, prerelease) => {
    expect(version(text)).toEqual({ segments, prerelease });
  });

  test.each([' 1.18', '1.18 ', '1.x', 'v', '', '1..2', 'latest'])('%j is malformed', (text) => {
    expect(parseGoVersion(text)).toEqual({ error: `malformed version: ${text}` });
  });

  test.each([
    ['1.9', '1.10', true],
    ['1.9.9', '1.10', true],
    ['1.10', '1.10', false],
    ['1.10.0', '1.10', false],
    ['1.10-rc1', '1.10', true],
    ['1.10.0.0-rc1', '1.10', false],
    ['1.11', '1.10', false],
    ['2.0', '1.10', false],
    ['1.10-alpha', '1.10-beta', true],
    ['1.10-beta.2', '1.10-beta.11', true],
    ['1.10-beta.2', '1.10-beta', false],
    ['1.10-1', '1.10-beta', true],
    ['1.10', '1.10-rc1', false],
    ['1.10-beta', '1.10-1', false],
    ['1.10-beta', '1.10-beta.x', false],
    ['1.10-beta', '1.10-beta.1', true],
  ])('%s < %s: %s', (a, b, less) => {
    expect(goVersionLessThan(version(a), version(b))).toBe(less);
  });
});

describe('resource.Quantity', () => {
  test.each([
    ['2Gi', 2147483648n], ['512Mi', 536870912n], ['600M', 600000000n], ['500m', 1n], ['1.5', 2n], ['1e3', 1000n], ['1E-3', 1n],
    [2, 2n], [0.5, 1n], ['0', 0n], ['.5k', 500n], ['-1.5', -1n], [undefined, 0n], ['abc', undefined], ['1e9999', undefined],
  ])('Value() of %j is %s', (text, value) => {
    expect(quantityValue(text)).toBe(value);
  });

  test.each([['0', true], ['0Gi', true], ['0.000', true], [0, true], [undefined, true], ['1m', false], ['abc', undefined], ['1Gb', undefined], [true, undefined]])(
    'IsZero() of %j is %s', (text, zero) => {
      expect(quantityIsZero(text)).toBe(zero);
    });
});

describe('Go %q', () => {
  test.each([
    ['plain', '"plain"'],
    ['quo"te\\', '"quo\\"te\\\\"'],
    ['\u0007\b\f\n\r\t\u000b', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\u0000\u007f', '"\\x00\\x7f"'],
    ['é 日本 😀', '"é 日本 😀"'],
    ['\u200b\u00a0\u2028', '"\\u200b\\u00a0\\u2028"'],
    ['\u{e0001}', '"\\U000e0001"'],
    ['\ud800', '"\ufffd"'],
  ])('%j', (text, quoted) => {
    expect(goQuote(text)).toBe(quoted);
  });
});
