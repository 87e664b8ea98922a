import { describe, expect, it } from "vitest";
import { acceptedLocale, languageSwitch, negotiateLocale } from "./negotiate.server";

const request = (path: string, headers: Record<string, string> = {}) => new Request(`http://status.test${path}`, { headers });

describe("choosing the language", () => {
  it("takes the highest-weighted language we speak from Accept-Language", () => {
    expect(acceptedLocale("hi-IN,hi;q=0.9,en;q=0.8")).toBe("hi");
    expect(acceptedLocale("fr-FR, en;q=0.5, as;q=0.7")).toBe("as");
    expect(acceptedLocale("en-GB;q=0.8, hi;q=0.8")).toBe("en");
    expect(acceptedLocale("as;q=0, bn, hi;q=0.1")).toBe("hi");
    expect(acceptedLocale("*")).toBeNull();
    expect(acceptedLocale(null)).toBeNull();
  });

  it("lets the cookie win over the header, ignores a cookie it does not know, and defaults to English", () => {
    expect(negotiateLocale(request("/", { "accept-language": "hi", cookie: "merchant_session=x; lang=as" }))).toBe("as");
    expect(negotiateLocale(request("/", { "accept-language": "hi", cookie: "lang=fr" }))).toBe("hi");
    expect(negotiateLocale(request("/", { "accept-language": "ta-IN" }))).toBe("en");
  });

  it("keeps the ops console in English", () => {
    expect(negotiateLocale(request("/ops/incidents", { cookie: "lang=hi" }))).toBe("en");
    expect(negotiateLocale(request("/login", { "accept-language": "as" }))).toBe("en");
    expect(negotiateLocale(request("/operations", { cookie: "lang=hi" }))).toBe("hi");
  });
});

describe("the switcher's ?lang=", () => {
  it("sets the cookie for a year and redirects to the same page without the parameter", () => {
    const response = languageSwitch(request("/history?provider=shiprocket&lang=as"))!;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/history?provider=shiprocket");
    expect(response.headers.get("set-cookie")).toBe("lang=as; Path=/; Max-Age=31536000; SameSite=Lax");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("marks the cookie Secure behind HTTPS, and sets none for a language it does not speak", () => {
    expect(languageSwitch(request("/?lang=hi", { "x-forwarded-proto": "https" }))!.headers.get("set-cookie")).toMatch(/; Secure$/);
    const unknown = languageSwitch(request("/help?lang=fr"))!;
    expect(unknown.headers.get("location")).toBe("/help");
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("leaves every other request alone", () => {
    expect(languageSwitch(request("/history?provider=shiprocket"))).toBeNull();
  });
});
