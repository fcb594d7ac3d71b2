import { generate } from "otplib";

const STEP_MS = 30_000;

/**
 * The code of the step before this one, which the server accepts (±1 step) while leaving this
 * step's code unused for a later check. Made with at least 5 s of the step left, so that the
 * check cannot fall two steps later on a slow machine.
 */
export async function previousStepCode(secret: string): Promise<string> {
  const left = STEP_MS - (Date.now() % STEP_MS);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
}
