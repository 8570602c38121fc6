// Entry of the layout worker thread. Node 20 does not hand tsx's loader hooks to worker threads,
// so they are registered here before the TypeScript module is loaded.
import { register } from "tsx/esm/api";

register();
await import("./layout-thread.ts");
