import { describe, expect, it } from "vitest";
import { utcOffsetMinutes } from "./time-zones.js";

describe("UTC offsets", () => {
  it("follow daylight saving and half-hour zones", () => {
    expect(utcOffsetMinutes("Europe/Berlin", new Date("2027-01-15T12:00:00Z"))).toBe(60);
    expect(utcOffsetMinutes("Europe/Berlin", new Date("2027-07-15T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("America/Sao_Paulo", new Date("2027-01-15T12:00:00Z"))).toBe(-180);
    expect(utcOffsetMinutes("Asia/Kolkata", new Date("2027-01-15T12:00:00Z"))).toBe(330);
    expect(utcOffsetMinutes("UTC", new Date())).toBe(0);
  });
});
