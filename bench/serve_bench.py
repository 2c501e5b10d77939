#!/usr/bin/python3
"""Conversions per second through `dutylist serve` against the command line's own rate.

    bench/serve_bench.py BUILD/dutylist [--jobs 2] [--seconds 5] [--repeat 3]

For the corpus DOCX and PDF and 1, 4 and 16 clients at once: a server started with --jobs J
converts N uploads (`POST /api/convert?to=json`), and the CLI converts N copies in one run
(`convert DIR -t json --jobs P`) at the same parallelism, P = min(clients, J): one client can
only ever keep one job busy, so it is compared with the CLI on one job. N is chosen from a
calibration run so that each measurement takes about --seconds; each is repeated --repeat
times, the CLI's and the server's in turn, and the medians are shown. Prints one Markdown
table: conversions per second and the server's rate over the CLI's, and the CPU time a
conversion costs each (the CLI process's, the server process's: on a shared machine a steadier
measure of what HTTP costs than the rate), and the minor page faults a conversion takes (memory
it had to map afresh: the steadiest of the three). Every answer must be 200 with the CLI's
JSON, or the run fails.
"""
import argparse
import http.client
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wumachang"
CLIENTS = (1, 4, 16)


def copies(source, count, tmp):
    inputs = Path(tmp) / f"in{count}"
    if not inputs.exists():
        inputs.mkdir()
        for i in range(count):
            shutil.copy(source, inputs / f"copy{i:04}{source.suffix}")
    return inputs


def children_use():
    """CPU seconds and minor page faults of the finished children."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime, used.ru_minflt


def process_use(pid):
    """CPU seconds (utime + stime) and minor page faults of a running process, all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), int(fields[7])


def cli_rate(exe, source, count, jobs, tmp):
    """Conversions per second, and CPU seconds and page faults per conversion."""
    inputs = copies(source, count, tmp)
    out = Path(tmp) / "out"
    shutil.rmtree(out, ignore_errors=True)
    (cpu, faults), start = children_use(), time.monotonic()
    subprocess.run([exe, "convert", str(inputs), "-t", "json", "-o", str(out), "-q", "--jobs", str(jobs)], check=True)
    elapsed = time.monotonic() - start
    cpu_after, faults_after = children_use()
    return count / elapsed, (cpu_after - cpu) / count, (faults_after - faults) / count


def served_rate(server, port, source, count, clients, expected):
    cpu, faults = process_use(server.pid)
    rate = server_rate(port, source, count, clients, expected)
    cpu_after, faults_after = process_use(server.pid)
    return rate, (cpu_after - cpu) / count, (faults_after - faults) / count


def multipart(name, data):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def server_rate(port, source, count, clients, expected):
    body, content_type = multipart(source.name, source.read_bytes())
    remaining = [count]
    lock = threading.Lock()
    failures = []

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            try:
                connection.request("POST", "/api/convert?to=json", body, {"Content-Type": content_type})
                response = connection.getresponse()
                answer = response.read()
            except OSError as e:  # a reset connection is a failure too, not a client less
                failures.append(type(e).__name__)
                connection.close()
                continue
            if response.status != 200 or answer != expected:
                failures.append(response.status)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    if failures:
        sys.exit(f"{len(failures)} of {count} conversions failed or differed from the CLI's (statuses {sorted(set(map(str, failures)))})")
    return count / elapsed


def start_server(exe, jobs):
    server = subprocess.Popen([exe, "serve", "--port", "0", "--jobs", str(jobs), "--queue", "64"],
                              stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()  # "dutylist: serving http://127.0.0.1:PORT/ (…)"
    port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
    # The request log goes on being written; drain it so the server never blocks on the pipe.
    threading.Thread(target=server.stderr.read, daemon=True).start()
    return server, port


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dutylist")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=5, help="about how long each measurement takes")
    parser.add_argument("--repeat", type=int, default=3, help="measurements of each figure; the median is shown")
    args = parser.parse_args()
    server, port = start_server(args.dutylist, args.jobs)
    try:
        print("| file | clients | jobs | conversions | CLI /s | server /s | server / CLI | CPU ms a conversion, CLI | server | server / CLI "
              "| page faults a conversion, CLI | server |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for source in (CORPUS / "wumachang.docx", CORPUS / "wumachang.pdf"):
            expected = subprocess.run([args.dutylist, "convert", str(source), "-t", "json", "-o", "-"], check=True,
                                      capture_output=True).stdout
            with tempfile.TemporaryDirectory() as tmp:
                # One job's rate, from a run of about a second, sizes every measurement.
                single = cli_rate(args.dutylist, source, 2, 1, tmp)[0]
                single = cli_rate(args.dutylist, source, max(2, round(single)), 1, tmp)[0]
                for clients in CLIENTS:
                    jobs = min(clients, args.jobs)
                    count = max(clients, round(args.seconds * single * jobs))
                    cli, served = [], []
                    for _ in range(args.repeat):
                        cli.append(cli_rate(args.dutylist, source, count, jobs, tmp))
                        served.append(served_rate(server, port, source, count, clients, expected))
                    c, cc, cf = (statistics.median(figures) for figures in zip(*cli))
                    s, sc, sf = (statistics.median(figures) for figures in zip(*served))
                    print(f"| {source.name} | {clients} | {jobs} | {count} | {c:.2f} | {s:.2f} | {s / c:.2f} "
                          f"| {cc * 1000:.0f} | {sc * 1000:.0f} | {sc / cc:.2f} | {cf:.0f} | {sf:.0f} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
