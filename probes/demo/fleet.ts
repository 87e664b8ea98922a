// The demo's simulated providers, on 127.0.0.1, started by the app in demo mode only: a
// health endpoint per provider check, a connection endpoint that answers each merchant's
// token the way the real provider would (an expired key gets the provider's own "expired"
// error), Razorpay's Statuspage feed and payment-downtime feed, all following the scenario.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { momentAt, isSlow, ROUND_SECONDS, STATUSPAGE_INCIDENT_SECONDS, UPI_DOWNTIME_SECONDS, type Moment } from "./scenario";
import { demoTokenState, errorForState } from "./tokens";

export interface DemoFleet {
  baseUrl: string;
  close: () => Promise<void>;
}

const SLOW_MS = 1_800;
const NORMAL_MS = 40;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const iso = (ms: number) => new Date(ms).toISOString();

function statuspageSummary(moment: Moment, roundStartMs: number, scaleMsPerDemoSecond: number) {
  const at = (demoSeconds: number) => iso(roundStartMs + demoSeconds * scaleMsPerDemoSecond);
  const incident = {
    id: `demo-upi-${moment.round}`,
    name: "Elevated failures for UPI payments",
    status: moment.secondsIntoRound < STATUSPAGE_INCIDENT_SECONDS.from + 120 ? "investigating" : "identified",
    impact: "minor",
    created_at: at(STATUSPAGE_INCIDENT_SECONDS.from),
    updated_at: at(Math.min(moment.secondsIntoRound, STATUSPAGE_INCIDENT_SECONDS.from + 120)),
    started_at: at(STATUSPAGE_INCIDENT_SECONDS.from),
    shortlink: "https://status.razorpay.com",
    incident_updates: [
      {
        status: "investigating",
        body:
          moment.secondsIntoRound < STATUSPAGE_INCIDENT_SECONDS.from + 120
            ? "We are seeing elevated failures for UPI payments and are investigating."
            : "A partner bank's UPI service is failing; payments are being routed to other banks.",
        created_at: at(STATUSPAGE_INCIDENT_SECONDS.from),
      },
    ],
    components: [{ id: "payments", name: "Payment Gateway", status: "degraded_performance" }],
  };
  return {
    page: { id: "demo", name: "Razorpay", url: "https://status.razorpay.com", time_zone: "Asia/Kolkata", updated_at: iso(Date.now()) },
    status: moment.statuspageIncident ? { indicator: "minor", description: "Minor Service Outage" } : { indicator: "none", description: "All Systems Operational" },
    components: [
      { id: "payments", name: "Payment Gateway", status: moment.statuspageIncident ? "degraded_performance" : "operational", group: false, group_id: null },
      { id: "dashboard", name: "Dashboard", status: "operational", group: false, group_id: null },
    ],
    incidents: moment.statuspageIncident ? [incident] : [],
    scheduled_maintenances: [],
  };
}

function downtimes(moment: Moment, roundStartMs: number, scaleMsPerDemoSecond: number) {
  const at = (demoSeconds: number) => Math.floor((roundStartMs + demoSeconds * scaleMsPerDemoSecond) / 1000);
  const item = {
    id: `down_demo_${moment.round}`,
    entity: "payment.downtime",
    method: "upi",
    begin: at(UPI_DOWNTIME_SECONDS.startsAt),
    end: at(UPI_DOWNTIME_SECONDS.endsAt),
    status: moment.upiDowntime,
    scheduled: moment.upiDowntime === "scheduled",
    severity: "high",
    instrument: { psp: "oksbi" },
    created_at: at(UPI_DOWNTIME_SECONDS.scheduledFrom),
    updated_at: at(Math.min(moment.secondsIntoRound, ROUND_SECONDS)),
  };
  const items = moment.upiDowntime === "resolved" ? [] : [item];
  return { entity: "collection", count: items.length, items };
}

/** Starts the fleet; `timeScale` below 1 plays the scenario faster (0.05: a 20-minute round in one minute). */
export async function startDemoFleet(options: { timeScale: number; now?: () => number }): Promise<DemoFleet> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const msPerDemoSecond = 1000 * options.timeScale;
  const demoSecondsSinceStart = () => (now() - startedAt) / msPerDemoSecond;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const moment = momentAt(demoSecondsSinceStart());
    const roundStartMs = startedAt + moment.round * ROUND_SECONDS * msPerDemoSecond;
    const [, provider = "", ...rest] = (req.url ?? "/").split("?")[0]!.split("/");
    const path = rest.join("/");
    const delayMs = isSlow(provider, moment.secondsIntoRound) ? SLOW_MS * Math.max(options.timeScale, 0.05) : NORMAL_MS * Math.min(1, options.timeScale * 4);
    const answer = () => {
      if (provider === "razorpay" && path === "status/api/v2/summary.json") return sendJson(res, 200, statuspageSummary(moment, roundStartMs, msPerDemoSecond));
      if (provider === "razorpay" && path === "v1/payments/downtimes") return sendJson(res, 200, downtimes(moment, roundStartMs, msPerDemoSecond));
      if (moment.outage === provider) return sendJson(res, 503, { message: "Service temporarily unavailable", code: 503 });
      if (path === "connection") {
        const token = req.headers.authorization?.replace(/^Bearer\s+/i, "") ?? "";
        const failure = errorForState(provider, demoTokenState(token));
        return failure ? sendJson(res, failure.status, failure.body) : sendJson(res, 200, { ok: true });
      }
      return sendJson(res, 200, { status: "ok" });
    };
    setTimeout(answer, delayMs);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
