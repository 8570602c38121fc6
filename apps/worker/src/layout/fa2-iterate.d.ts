// graphology-layout-forceatlas2 ships no types for its single-iteration entry point, which we call
// directly on our own matrices (no graph attributes to copy in and out at 45k+ nodes).
declare module "graphology-layout-forceatlas2/iterate.js" {
  export default function iterate(settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array): void;
}
