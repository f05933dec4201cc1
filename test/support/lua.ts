// fengari ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lua, lauxlib, lualib, to_luastring } = require('fengari');

/** A JSON value as a Lua table constructor expression. */
function toLua(value: unknown): string {
  if (value === null || value === undefined) {
    return 'nil';
  }
  if (typeof value === 'boolean' || typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'string') {
    return '"' + value.replace(/[\\"]/g, (c) => '\\' + c).replace(/[\u0000-\u001f]/g, (c) => '\\' + c.charCodeAt(0)) + '"';
  }
  if (Array.isArray(value)) {
    return '{' + value.map(toLua).join(', ') + '}';
  }
  return '{' + Object.entries(value as object).map(([k, v]) => `[${toLua(k)}] = ${toLua(v)}`).join(', ') + '}';
}

/**
 * Runs an Argo CD health script the way Argo CD does (the resource as the
 * global `obj`, the script's returned table as the result).
 */
export function runHealthCheck(script: string, obj: unknown): { status: string; message: string } {
  const L = lauxlib.luaL_newstate();
  lualib.luaL_openlibs(L);
  const code = `obj = ${toLua(obj)}\nlocal hs = (function()\n${script}\nend)()\nreturn hs.status, hs.message`;
  if (lauxlib.luaL_loadstring(L, to_luastring(code)) !== lua.LUA_OK || lua.lua_pcall(L, 0, 2, 0) !== lua.LUA_OK) {
    throw new Error(`Lua error: ${lua.lua_tojsstring(L, -1)}`);
  }
  return { status: lua.lua_tojsstring(L, -2), message: lua.lua_tojsstring(L, -1) };
}
