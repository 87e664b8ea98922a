import { describe, expect, it } from "vitest";
import type { CheckOutcome } from "../schema/enums";
import { nextCheckState, type CheckStateMachine } from "./check-state";

const thresholds = { failureThreshold: 3, successThreshold: 2 };

function run(outcomes: CheckOutcome[], start: CheckStateMachine = { state: "ok", pendingOutcome: null, pendingCount: 0 }) {
  let machine = start;
  const states: string[] = [];
  for (const o of outcomes) {
    machine = nextCheckState(machine, o, thresholds);
    states.push(machine.state);
  }
  return states;
}

describe("check state", () => {
  it("flips to down only after N failures in a row", () => {
    expect(run(["down", "down", "down"])).toEqual(["ok", "ok", "down"]);
  });

  it("ignores a failure streak broken by a success", () => {
    expect(run(["down", "down", "ok", "down", "down"])).toEqual(["ok", "ok", "ok", "ok", "ok"]);
  });

  it("comes back after M successes in a row", () => {
    const down = { state: "down" as const, pendingOutcome: null, pendingCount: 0 };
    expect(run(["ok", "down", "ok", "ok"], down)).toEqual(["down", "down", "down", "ok"]);
  });

  it("counts degraded and down results in the same failing streak and follows the latest", () => {
    expect(run(["degraded", "down", "degraded", "down"])).toEqual(["ok", "ok", "degraded", "down"]);
  });

  it("stays unknown until a threshold is reached", () => {
    const unknown = { state: "unknown" as const, pendingOutcome: null, pendingCount: 0 };
    expect(run(["ok", "ok"], unknown)).toEqual(["unknown", "ok"]);
    expect(run(["down", "down", "down"], unknown)).toEqual(["unknown", "unknown", "down"]);
  });

  it("reports whether the state changed", () => {
    const r = nextCheckState({ state: "ok", pendingOutcome: "down", pendingCount: 2 }, "down", thresholds);
    expect(r).toEqual({ state: "down", pendingOutcome: null, pendingCount: 0, changed: true });
  });
});
