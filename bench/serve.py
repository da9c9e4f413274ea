"""Seconds from saving a vacancy to the browser's reload signal, with `build.py serve` running
on N generated vacancies: the rebuild after one edit, as an editor feels it.

    .venv/bin/python bench/serve.py 100 1000 5000
    .venv/bin/python bench/serve.py 1000 --code /tmp/before   (an older checkout's build.py)

Starts `build.py serve` on a generated corpus (tests/corpus.py), connects as livereload.js
does, then edits one vacancy eleven times and prints the last ten times, the median and the
largest (the first save is not counted). Also prints the server's peak memory (RSS) at the end.
A measurement, not a test.
"""

from __future__ import annotations

import asyncio
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus import BUILD_DATE, WORK, generate  # noqa: E402

EDITS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def reloads(port: int, vacancy: Path) -> list[float]:
    connection = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await connection.write_message(json.dumps(
        {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    await connection.read_message()
    await connection.write_message(json.dumps({"command": "info", "url": "bench"}))
    timings = []
    for number in range(EDITS + 1):  # the first save makes the build warm: not counted
        await asyncio.sleep(1.0)
        started = time.perf_counter()
        vacancy.write_text(vacancy.read_text("utf-8") + f"\nNieuwe zin {number}.\n", "utf-8")
        while json.loads(await asyncio.wait_for(connection.read_message(), 60))["command"] != "reload":
            pass
        timings.append(time.perf_counter() - started)
    connection.close()
    return timings[1:]


def main(count: int, code: Path) -> None:
    WORK.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=WORK) as temp:
        site = generate(count, Path(temp) / "site")
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, str(code / "build.py"), "serve", "--root", str(site), "--port",
             str(port), "--date", BUILD_DATE.isoformat()],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(600):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            timings = asyncio.run(reloads(port, site / "content/vacatures/vacature-00001.md"))
            peak = _peak_rss(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    shown = ", ".join(f"{t:.2f}" for t in timings)
    print(f"{count} vacancies: save to reload {shown} s; median {statistics.median(timings):.2f} s, "
          f"largest {max(timings):.2f} s; peak memory of the server {peak:.0f} MB", flush=True)


def _peak_rss(pid: int) -> float:
    """The largest resident size the process had so far, in MB (VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    code = Path(arguments.pop(arguments.index("--code") + 1)) if "--code" in arguments else ROOT
    for n in [int(a) for a in arguments if a != "--code"] or [1000]:
        main(n, code)
