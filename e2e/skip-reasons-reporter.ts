import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// Lists the skipped tests at the end of a run, grouped by the reason each test.skip() gave,
// so a run against a deployment says what it did not cover and what would make it run.

export default class SkipReasonsReporter implements Reporter {
  private readonly skipped = new Map<string, string[]>();

  onTestEnd(test: TestCase, result: TestResult) {
    if (result.status !== "skipped") return;
    const annotations = [...result.annotations, ...test.annotations];
    const reason =
      annotations.find((annotation) => annotation.type === "skip" || annotation.type === "fixme")
        ?.description || "(no reason given)";
    const titles = this.skipped.get(reason) ?? [];
    titles.push(test.titlePath().filter(Boolean).slice(1).join(" › "));
    this.skipped.set(reason, titles);
  }

  onEnd(_result: FullResult) {
    if (this.skipped.size === 0) return;
    const count = [...this.skipped.values()].reduce((sum, titles) => sum + titles.length, 0);
    const lines = [`\n${count} skipped:`];
    for (const [reason, titles] of this.skipped) {
      lines.push(`  ${titles.length} skipped: ${reason}`);
      for (const title of titles) lines.push(`    - ${title}`);
    }
    console.log(lines.join("\n"));
  }

  printsToStdio() {
    return false;
  }
}
