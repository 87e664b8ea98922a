// Ops read a merchant's pages with "?merchant=<id>" on every URL; a link that already has
// a query takes it as one more parameter.

export function withViewQuery(path: string, viewQuery: string): string {
  if (!viewQuery) return path;
  const [beforeHash, hash] = path.split("#", 2) as [string, string | undefined];
  const joined = beforeHash.includes("?") ? `${beforeHash}&${viewQuery.slice(1)}` : `${beforeHash}${viewQuery}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
