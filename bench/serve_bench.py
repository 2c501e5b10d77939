#!/usr/bin/python3
"""Conversions per second through `dutylist serve` against the command line's own rate.

    bench/serve_bench.py BUILD/dutylist [--jobs 2] [--docx 32] [--pdf 8]

For the corpus DOCX and PDF: the CLI converts N copies in one run (`convert DIR -t json
--jobs J`), then a server started with the same --jobs converts N uploads sent by 1, 4 and 16
clients at once (`POST /api/convert?to=json`). Prints one Markdown table: conversions per second
and the server's rate over the CLI's, measured in this one run. Every answer must be 200 with the
CLI's JSON, or the run fails.
"""
import argparse
import http.client
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "wumachang"
CLIENTS = (1, 4, 16)


def cli_rate(exe, source, count, jobs):
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for i in range(count):
            shutil.copy(source, inputs / f"copy{i:03}{source.suffix}")
        start = time.monotonic()
        subprocess.run([exe, "convert", str(inputs), "-t", "json", "-o", str(Path(tmp) / "out"), "-q", "--jobs", str(jobs)], check=True)
        return count / (time.monotonic() - start)


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
            connection.request("POST", "/api/convert?to=json", body, {"Content-Type": content_type})
            response = connection.getresponse()
            answer = response.read()
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
        sys.exit(f"{len(failures)} of {count} conversions failed or differed from the CLI's (statuses {sorted(set(failures))})")
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
    parser.add_argument("--docx", type=int, default=32, help="conversions of the DOCX per measurement")
    parser.add_argument("--pdf", type=int, default=8, help="conversions of the PDF per measurement")
    args = parser.parse_args()
    server, port = start_server(args.dutylist, args.jobs)
    try:
        print(f"| file | conversions | CLI /s | " + " | ".join(f"{c} client{'s' if c > 1 else ''} /s (ratio)" for c in CLIENTS) + " |")
        print("|---|---|---|" + "---|" * len(CLIENTS))
        for source, count in ((CORPUS / "wumachang.docx", args.docx), (CORPUS / "wumachang.pdf", args.pdf)):
            expected = subprocess.run([args.dutylist, "convert", str(source), "-t", "json", "-o", "-"], check=True,
                                      capture_output=True).stdout
            cli = cli_rate(args.dutylist, source, count, args.jobs)
            cells = []
            for clients in CLIENTS:
                rate = server_rate(port, source, count, clients, expected)
                cells.append(f"{rate:.2f} ({rate / cli:.2f})")
            print(f"| {source.name} | {count} | {cli:.2f} | " + " | ".join(cells) + " |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
