// The permissions ShopIQ asks for when a merchant connects a provider of each category.
// The readiness review names the missing ones, and the demo grants them, so both read
// this one list. Free of database code: a page may show it.

import type { CategorySlug } from "../schema/enums";

export const REQUIRED_PERMISSIONS: Record<CategorySlug, string[]> = {
  payments: ["payments:read", "payments:create", "refunds:create", "webhooks:manage"],
  logistics: ["orders:create", "shipments:create", "pickups:create", "tracking:read"],
  messaging: ["whatsapp_business_messaging", "whatsapp_business_management"],
  analytics: ["analytics:read", "tag:manage"],
  advertising: ["ads_read", "ads_management", "business_management"],
  marketplaces: ["orders:read", "inventory:write", "listings:write"],
};
