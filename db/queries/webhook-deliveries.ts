import { count, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { delivery, subscriber } from "../schema";
import { DELIVERY_STATES, type DeliveryState } from "../schema/enums";

/** Webhook deliveries in the outbox by state, every state present (0 when none); email deliveries are left out. */
export function countWebhookDeliveriesByState(db: Executor): Record<DeliveryState, number> {
  const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
  const rows = db
    .select({ state: delivery.state, n: count() })
    .from(delivery)
    .innerJoin(subscriber, eq(subscriber.id, delivery.subscriberId))
    .where(eq(subscriber.kind, "webhook"))
    .groupBy(delivery.state)
    .all();
  for (const { state, n } of rows) counts[state] = n;
  return counts;
}
