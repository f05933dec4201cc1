/**
 * The README's Python, Java and Go quick starts are the programs that
 * `npm run test:bindings` runs (test/bindings/), word for word. Needs no
 * Python, JDK or Go: it only compares text.
 */
import * as path from 'path';
import { readmeDifferences } from '../bindings/readme';

test('the README shows the quick start programs of test/bindings/ word for word', () => {
  expect(readmeDifferences(path.join(__dirname, '..', '..'))).toEqual([]);
});
