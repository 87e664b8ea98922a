// The read model behind the merchant's "My connections" page. Routes reach db/ only through
// *.server.ts modules: Remix leaves those out of the browser build, and drizzle with them.

export { getMerchantConnectionsView } from "../../db/merchants/connections-view";
