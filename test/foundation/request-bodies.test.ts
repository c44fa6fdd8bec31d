import { describe, expect, it } from "vitest";
import { api } from "../support/http";

/** Body handling, exercised on a real route that takes JSON: registration. */
const REGISTER = "/v1/auth/register";

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describe("request bodies", () => {
  it("malformed JSON is a 400 malformed_json problem", async () => {
    const response = await api(REGISTER, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email": "a@b.example", "password": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "malformed_json", status: 400 });
  });

  it("a body that is not JSON is a 415 unsupported_media_type problem", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded"]) {
      const response = await api(REGISTER, {
        method: "POST",
        headers: { "content-type": contentType },
        body: "email=a",
      });
      expect(response.status, contentType).toBe(415);
      expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
    }
  });

  it("a body over the limit is a 413 payload_too_large problem, with or without Content-Length", async () => {
    const huge = JSON.stringify({ email: "a@b.example", password: "x".repeat(1_100_000), name: "A" });
    const declared = await api(REGISTER, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: huge,
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "payload_too_large" });

    const bytes = new TextEncoder().encode(huge);
    const streamed = await api(REGISTER, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 65_536) controller.enqueue(bytes.slice(i, i + 65_536));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("a zod failure is a 400 validation_failed that names each field", async () => {
    const response = await api(REGISTER, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "not an email", password: 42 }),
    });
    expect(response.status).toBe(400);
    const body = await response.json<Problem>();
    expect(body.code).toBe("validation_failed");
    expect(body.detail).toMatch(/email/);
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["email", "name", "password"]);
  });
});
