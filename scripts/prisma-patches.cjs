// Preloaded into the Prisma CLI process only (see scripts/prisma.mjs): the three work-arounds
// STACK.md describes for Prisma 6.19 with the Wasm engines and the pg adapter.

// 1. `Column type 'name' could not be deserialized` (prisma/orm#27403): read name/"char" as text.
const TEXT = 25, TEXT_ARRAY = 1009;
const remap = { 19: TEXT, 18: TEXT, 1003: TEXT_ARRAY, 1002: TEXT_ARRAY };
const Result = require("pg/lib/result.js");
const addFields = Result.prototype.addFields;
Result.prototype.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID in remap) f.dataTypeID = remap[f.dataTypeID];
  return addFields.call(this, fields);
};

// 3. The Wasm engine arms 10 s and 60 s timers that keep the process alive after the work is done.
for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  globalThis[name] = function (fn, ms, ...args) {
    const timer = original.call(this, fn, ms, ...args);
    if (typeof ms === "number" && ms >= 5000 && typeof timer?.unref === "function") timer.unref();
    return timer;
  };
}
// (2. — discrete connection fields for the shadow database — lives in prisma.config.ts.)
