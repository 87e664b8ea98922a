import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.server";

describe("environment", () => {
  it("defaults to port 3000 and a file under ./data with the demo seeded", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/status.sqlite", SEED_DEMO: true });
  });

  it("reads the values it is given", () => {
    expect(parseEnv({ PORT: "8080", DATABASE_URL: "file:/srv/status.sqlite", SEED_DEMO: "false" })).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "file:/srv/status.sqlite",
      SEED_DEMO: false,
    });
  });

  it("names every wrong value in one line", () => {
    expect(() => parseEnv({ PORT: "70000", SEED_DEMO: "yes" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "70000", SEED_DEMO: "yes" })).toThrow(
      'invalid environment: PORT must be at most 65535; SEED_DEMO must be "true" or "false"',
    );
  });

  it("reads the detection thresholds and refuses impossible ones", () => {
    expect(parseEnv({ DETECTION_FAILING_SHARE: "0.4", DETECTION_MIN_MERCHANTS: "3", DETECTION_WINDOW_MINUTES: "15" })).toMatchObject({
      DETECTION_FAILING_SHARE: 0.4,
      DETECTION_MIN_MERCHANTS: 3,
      DETECTION_WINDOW_MINUTES: 15,
    });
    expect(() => parseEnv({ DETECTION_FAILING_SHARE: "1.5" })).toThrow("DETECTION_FAILING_SHARE must be at most 1");
  });
});
