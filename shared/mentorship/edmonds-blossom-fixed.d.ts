/**
 * edmonds-blossom-fixed (npm; a JavaScript port of Joris van Rantwijk's mwmatching.py, the
 * maximum-weight matching NetworkX uses): `blossom(edges, maxCardinality)` takes edges as
 * [i, j, weight] with vertices 0…n-1 and returns mate[v] (the vertex matched to v, or -1).
 * It ships no types.
 */
declare module 'edmonds-blossom-fixed' {
  function blossom(edges: [number, number, number][], maxCardinality?: boolean): number[]
  export default blossom
}
