import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
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

/** Another process that holds the lock, as lockDataDir does, until it is told to let go. */
async function holdInAnotherProcess(lockFile: string) {
  const holder = `
    const fs = require("node:fs");
    fs.writeFileSync(process.argv[1], String(process.pid), { flag: "wx" });
    process.stdin.on("end", () => fs.rmSync(process.argv[1])).resume();
    process.stdout.write("locked");
  `;
  const child = spawn(process.execPath, ["-e", holder, lockFile], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  await once(child.stdout, "data");
  return {
    pid: child.pid,
    release: async () => {
      child.stdin.end();
      await once(child, "exit");
    },
  };
}

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
    const other = await holdInAnotherProcess(`${dataDir}.pid`);
    let settled = false;
    const next = lockDataDir(dataDir, 10_000).finally(() => {
      settled = true;
    });
    // Long enough for a locker that did not wait to have taken it over, or given up.
    await sleep(500);
    expect(settled).toBe(false);
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(other.pid));

    await other.release();
    const unlock = await next;
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));
    unlock();
  });

  it("takes over the lock of a process that no longer runs", async () => {
    const { pid } = spawnSync(process.execPath, ["-e", ""]);
    writeFileSync(`${dataDir}.pid`, String(pid));
    const unlock = await lockDataDir(dataDir, 0);
    expect(readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));
    unlock();
  });
});
