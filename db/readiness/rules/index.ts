// Every readiness rule, in the order its items are listed within a verdict and category.
// Adding a rule is adding a line here; the report never asks which rule it is running.

import { categoryCoverageRule } from "./category-coverage";
import { connectedRule } from "./connected";
import { credentialsRule } from "./credentials";
import { healthyNowRule } from "./healthy-now";
import { incidentsRule } from "./incidents";
import { maintenanceRule } from "./maintenance";
import { marketplaceSyncRule } from "./marketplace-sync";
import { permissionsRule } from "./permissions";
import { pickupAddressRule } from "./pickup-address";
import { planAndBillingRule } from "./plan-and-billing";
import { shippingWalletRule } from "./shipping-wallet";
import type { ReadinessRule } from "./types";
import { uptimeRule } from "./uptime";
import { verificationRule } from "./verification";
import { whatsappLimitRule } from "./whatsapp-limit";
import { whatsappNumberRule } from "./whatsapp-number";
import { whatsappTemplatesRule } from "./whatsapp-templates";

export const READINESS_RULES: readonly ReadinessRule[] = [
  categoryCoverageRule,
  connectedRule,
  healthyNowRule,
  uptimeRule,
  incidentsRule,
  maintenanceRule,
  credentialsRule,
  planAndBillingRule,
  verificationRule,
  permissionsRule,
  whatsappNumberRule,
  whatsappTemplatesRule,
  whatsappLimitRule,
  pickupAddressRule,
  shippingWalletRule,
  marketplaceSyncRule,
];
