import * as path from 'path';
import { cycles, moduleEdges, privateImportsAcrossFolders } from './support/module-graph';

const ROOT = path.join(__dirname, '..');

describe('the module graph of src/', () => {
  const edges = moduleEdges(ROOT);

  test('is read (the constructs and their internals are in it)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'src/flink-deployment.ts', to: 'src/resource/_managed-resource.ts', typeOnly: false });
  });

  test('has no cycle of run-time imports', () => {
    expect(cycles(edges.filter((e) => !e.typeOnly))).toEqual([]);
  });

  test('has no cycle of imports, type-only imports included', () => {
    expect(cycles(edges)).toEqual([]);
  });

  test('uses no private module of another folder but those of the shared internal modules', () => {
    expect(privateImportsAcrossFolders(edges)).toEqual([]);
  });
});

describe('the rules find what they forbid', () => {
  const edges = moduleEdges(path.join(__dirname, 'fixtures', 'module-graph'));

  test('a cycle through a type-only import', () => {
    expect(cycles(edges)).toEqual([['src/a.ts', 'src/b.ts']]);
    expect(cycles(edges.filter((e) => !e.typeOnly))).toEqual([]);
  });

  test('a private helper used from another folder', () => {
    expect(privateImportsAcrossFolders(edges)).toEqual(['src/y/user.ts -> src/x/_helper.ts']);
  });
});
