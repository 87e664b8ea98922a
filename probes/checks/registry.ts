import type { CheckKind } from "../../db/schema/enums";
import type { CheckRunner } from "../types";
import { runConnectionCheck } from "./connection";
import { runDnsCheck } from "./dns";
import { runHttpCheck } from "./http";
import { runPaymentDowntimeCheck } from "./payment-downtime";
import { runStatuspageCheck } from "./statuspage";
import { runTcpCheck } from "./tcp";
import { runTlsCheck } from "./tls";

/** Every kind of check and the one function that runs it. */
export const CHECK_RUNNERS: Record<CheckKind, CheckRunner> = {
  http: runHttpCheck,
  tcp: runTcpCheck,
  dns: runDnsCheck,
  tls: runTlsCheck,
  statuspage: runStatuspageCheck,
  "payment-downtime": runPaymentDowntimeCheck,
  connection: runConnectionCheck,
};
