import { describe, expect, it } from "vitest";
import { deriveProviderStatus, incidentImpact, pageIndicator, statusFromChecks, worstProviderStatus } from "./status";
import { maintenanceStatus } from "./maintenance-status";

describe("provider status", () => {
  it("is the worst of its signals", () => {
    expect(worstProviderStatus(["operational", "partial_outage", "degraded_performance"])).toBe("partial_outage");
    expect(worstProviderStatus([])).toBe("operational");
  });

  it("reads checks: all down is major, some down is partial, unknown is ignored", () => {
    expect(statusFromChecks(["down", "down"])).toBe("major_outage");
    expect(statusFromChecks(["down", "ok"])).toBe("partial_outage");
    expect(statusFromChecks(["degraded", "ok", "unknown"])).toBe("degraded_performance");
    expect(statusFromChecks(["unknown"])).toBe("operational");
  });

  it("takes the worst open incident impact over healthy checks", () => {
    expect(
      deriveProviderStatus({ incidentImpacts: ["degraded_performance", "major_outage"], maintenanceInProgress: false, checkStates: ["ok"] }),
    ).toBe("major_outage");
  });

  it("shows maintenance instead of expected check failures, but not instead of an incident", () => {
    expect(deriveProviderStatus({ incidentImpacts: [], maintenanceInProgress: true, checkStates: ["down"] })).toBe("under_maintenance");
    expect(
      deriveProviderStatus({ incidentImpacts: ["partial_outage"], maintenanceInProgress: true, checkStates: ["down"] }),
    ).toBe("partial_outage");
  });
});

describe("page indicator", () => {
  it("is none when everything works", () => {
    expect(pageIndicator(["operational", "operational"], [])).toBe("none");
  });

  it("maps the worst provider status and open incident impact", () => {
    expect(pageIndicator(["operational", "degraded_performance"], [])).toBe("minor");
    expect(pageIndicator(["under_maintenance"], [])).toBe("maintenance");
    expect(pageIndicator(["under_maintenance", "partial_outage"], [])).toBe("major");
    expect(pageIndicator(["operational"], ["critical"])).toBe("critical");
  });
});

describe("incident impact", () => {
  it("derives from the worst impact on a provider unless overridden", () => {
    expect(incidentImpact(["degraded_performance", "partial_outage"], null)).toBe("major");
    expect(incidentImpact(["major_outage"], null)).toBe("critical");
    expect(incidentImpact([], null)).toBe("none");
    expect(incidentImpact(["major_outage"], "minor")).toBe("minor");
  });
});

describe("maintenance status", () => {
  const window = { scheduledFor: new Date(1_000), scheduledUntil: new Date(2_000) };
  it("follows the clock", () => {
    expect(maintenanceStatus(window, 999)).toBe("scheduled");
    expect(maintenanceStatus(window, 1_000)).toBe("in_progress");
    expect(maintenanceStatus(window, 2_000)).toBe("completed");
  });
});
