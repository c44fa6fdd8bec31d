import type { TestProject } from "vitest/node";
import { startRecorder } from "./recorder";

declare module "vitest" {
  export interface ProvidedContext {
    recorderUrl: string;
  }
}

/** Runs in Node before the workerd pool starts: outside-service stand-ins the Worker can reach over HTTP. */
export default async function setup(project: TestProject) {
  const recorder = await startRecorder();
  project.provide("recorderUrl", recorder.url);
  return () => new Promise<void>((resolve) => recorder.server.close(() => resolve()));
}
