/**
 * The address a check calls: its configured URL, or in demo mode the same path on the
 * local fleet of simulated providers, so the demo never depends on the outside network.
 */
export function targetUrl(config: { url: string; demoPath?: string }, demoBaseUrl: string | undefined): string {
  if (demoBaseUrl && config.demoPath) return new URL(config.demoPath, demoBaseUrl).href;
  return config.url;
}
