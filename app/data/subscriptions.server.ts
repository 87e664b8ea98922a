// What the public subscription pages read and write. Routes reach db/ only through
// *.server.ts modules: Remix leaves those out of the browser build, and drizzle with them.

export { listProviderChoices } from "../../db/maintenance/console";
export {
  SubscriptionError,
  confirmSubscription,
  getOwnSubscription,
  subscribe,
  unsubscribe,
  updateOwnSubscription,
  type OwnSubscription,
} from "../../db/subscriptions/subscribers";
