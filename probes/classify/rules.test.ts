import { describe, expect, it } from "vitest";
import { CAUSE_SLUGS } from "../../db/schema/enums";
import demoProviders from "../../db/seed/demo-providers.json";
import { CLASSIFICATION_RULES, findMatchingRule, type ClassificationRule } from "./rules";

const knownSlugs = new Set(demoProviders.providers.map((provider) => provider.slug));

describe("the rule table", () => {
  // Vitest does not type-check, and a rule written as plain data can carry a typo past review.
  it("names only causes from the fixed list", () => {
    const unknown = CLASSIFICATION_RULES.map((rule) => rule.cause).filter((cause) => !(CAUSE_SLUGS as readonly string[]).includes(cause));
    expect(unknown).toEqual([]);
  });

  it("names only known providers, or every provider", () => {
    const unknown = CLASSIFICATION_RULES.flatMap((rule) => rule.providers).filter((slug) => slug !== "*" && !knownSlugs.has(slug));
    expect(unknown).toEqual([]);
  });

  it("has patterns that compile and a condition on every rule", () => {
    for (const rule of CLASSIFICATION_RULES) {
      const sources = [rule.code, rule.subcode, rule.message].filter((source): source is string => source !== undefined);
      expect(sources.length + (rule.status?.length ?? 0), JSON.stringify(rule)).toBeGreaterThan(0);
      for (const source of sources) expect(() => new RegExp(source, "i"), source).not.toThrow();
    }
  });
});

describe("matching one rule", () => {
  const rules: ClassificationRule[] = [
    { providers: ["meta-ads"], code: "190", subcode: "460", cause: "changed-account-access" },
    { providers: ["meta-ads"], code: "190", cause: "expired-authentication" },
    { providers: ["razorpay"], status: [400], message: "not activated", cause: "account-verification" },
    { providers: ["*"], message: "uninstalled", cause: "app-disconnected" },
  ];

  it("takes the first rule that matches, in table order", () => {
    expect(findMatchingRule("meta-ads", { code: "190", subcode: "460" }, rules)?.cause).toBe("changed-account-access");
    expect(findMatchingRule("meta-ads", { code: "190", subcode: "463" }, rules)?.cause).toBe("expired-authentication");
  });

  it("matches a code whole, so 190 is not 1900", () => {
    expect(findMatchingRule("meta-ads", { code: "1900" }, rules)).toBeUndefined();
  });

  it("matches messages anywhere and without regard to case", () => {
    expect(findMatchingRule("razorpay", { status: 400, message: "Account NOT ACTIVATED yet" }, rules)?.cause).toBe("account-verification");
    expect(findMatchingRule("wati", { message: "App UNINSTALLED by the user" }, rules)?.cause).toBe("app-disconnected");
  });

  it("respects the provider and status it is written for", () => {
    expect(findMatchingRule("cashfree", { status: 400, message: "not activated" }, rules)).toBeUndefined();
    expect(findMatchingRule("razorpay", { status: 401, message: "not activated" }, rules)).toBeUndefined();
    expect(findMatchingRule("razorpay", { message: "not activated" }, rules)).toBeUndefined();
  });

  it("does not match a condition on a field the answer lacks", () => {
    expect(findMatchingRule("meta-ads", { message: "190" }, rules)).toBeUndefined();
  });
});
