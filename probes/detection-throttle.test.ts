import { describe, expect, it } from "vitest";
import { DetectionThrottle } from "./detection-throttle";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("detection throttle", () => {
  it("evaluates at once, then at most once per interval, and never drops the last request", async () => {
    const runs: number[] = [];
    const throttle = new DetectionThrottle(80, Date.now, (id) => runs.push(id));
    throttle.request(1, false);
    throttle.request(1, false);
    throttle.request(1, false);
    expect(runs).toEqual([1]);
    await wait(120);
    expect(runs).toEqual([1, 1]);
    throttle.stop();
  });

  it("evaluates a state change at once, and keeps providers apart", () => {
    const runs: number[] = [];
    const throttle = new DetectionThrottle(60_000, Date.now, (id) => runs.push(id));
    throttle.request(1, false);
    throttle.request(2, false);
    throttle.request(1, true);
    expect(runs).toEqual([1, 2, 1]);
    throttle.stop();
  });

  it("runs nothing after it is stopped", async () => {
    const runs: number[] = [];
    const throttle = new DetectionThrottle(50, Date.now, (id) => runs.push(id));
    throttle.request(1, false);
    throttle.request(1, false);
    throttle.stop();
    await wait(100);
    expect(runs).toEqual([1]);
  });
});
