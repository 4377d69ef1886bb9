import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir } from "../../src/db/data-dir-lock.js";
import { describeUnavailable, isUnavailable } from "../../src/db/errors.js";

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "data-dir-lock-"));
  dataDir = path.join(root, "dev");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("lockDataDir", () => {
  it("lets one process at a time open an embedded database, refusing the next in one line", async () => {
    const unlock = await lockDataDir(dataDir);
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));

    const refused = await lockDataDir(dataDir, 200).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect(isUnavailable(refused)).toBe(true);
    expect(describeUnavailable(refused)).toMatchObject({
      reason: `the embedded database ${dataDir} is open in process ${process.pid}`,
      fix: expect.stringContaining("Stop that process"),
    });

    unlock();
    expect(existsSync(`${dataDir}.pid`)).toBe(false);
    (await lockDataDir(dataDir, 0))();
  });

  it("waits for the process that has it to let go, as a restarting dev server does", async () => {
    const unlock = await lockDataDir(dataDir);
    setTimeout(unlock, 300);
    const next = await lockDataDir(dataDir, 5000);
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));
    next();
  });

  it("takes over the lock of a process that no longer runs", async () => {
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    writeFileSync(`${dataDir}.pid`, String(pid));
    const unlock = await lockDataDir(dataDir, 0);
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));
    unlock();
  });
});
