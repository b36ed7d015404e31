#!/usr/bin/env python3
"""Latency of `schemalint lsp` for an edit to the largest corpus schema (midday's 130 KB packages/db/src/schema.ts).

Copies the repository to a temporary folder, starts the server over pipes, opens the schema, then sends RUNS
incremental edits (a space typed into a column's line and taken out again, alternately) and times each from the
`didChange` to the `publishDiagnostics` for that file. Prints min / median / p95 / max in ms and the server's CPU time.

Usage: benchmarks/lsp-latency.py [RUNS]   (SCHEMALINT names the binary; default .build/release/schemalint;
CORPUS the corpus folder; default ../shared/corpus/drizzle)
"""
import json, os, queue, resource, shutil, statistics, subprocess, sys, tempfile, threading, time

here = os.path.dirname(os.path.abspath(__file__))
binary = os.path.abspath(os.environ.get("SCHEMALINT") or os.path.join(here, "..", ".build", "release", "schemalint"))
corpus = os.environ.get("CORPUS") or os.path.join(here, "..", "..", "..", "shared", "corpus", "drizzle")
if not os.path.isdir(corpus):
    corpus = "/work/shared/corpus/drizzle"
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
repository, schema_path = "midday-ai__midday", "packages/db/src/schema.ts"

work = tempfile.mkdtemp(prefix="schemalint-lsp-bench-")
root = os.path.join(work, "repo")
shutil.copytree(os.path.join(corpus, repository), root, symlinks=True)
server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)

# Writes go through their own thread, as an editor's do: a 130 KB didOpen must not block us while the server is
# blocked writing the first check's diagnostics that nobody reads yet (both pipes full: a deadlock).
outbox = queue.Queue()
def writer():
    while (data := outbox.get()) is not None:
        server.stdin.write(data)
        server.stdin.flush()
threading.Thread(target=writer, daemon=True).start()

def send(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode()
    outbox.put(b"Content-Length: %d\r\n\r\n" % len(body) + body)

def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        header += server.stdout.read(1)
    length = next(int(line.split(b":")[1]) for line in header.split(b"\r\n") if line.lower().startswith(b"content-length"))
    return json.loads(server.stdout.read(length))

def wait_for(predicate):
    while True:
        message = receive()
        if message.get("method") == "client/registerCapability":
            send({"id": message["id"], "result": None})
        if predicate(message):
            return message

uri = "file://" + os.path.join(root, schema_path)
published = lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
send({"id": 1, "method": "initialize", "params": {"rootUri": "file://" + root, "capabilities": {}}})
wait_for(lambda m: m.get("id") == 1)
send({"method": "initialized", "params": {}})
text = open(os.path.join(root, schema_path)).read()
send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "typescript", "version": 1, "text": text}}})
first = wait_for(published)
line = next(i for i, l in enumerate(text.split("\n")) if "timestamp(" in l)

timings = []
for run in range(runs):
    inserting = run % 2 == 0
    change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0 if inserting else 1}},
              "text": " " if inserting else ""}
    started = time.perf_counter()
    send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": run + 2}, "contentChanges": [change]}})
    diagnostics = wait_for(published)["params"]["diagnostics"]
    timings.append((time.perf_counter() - started) * 1000)

send({"id": 2, "method": "shutdown"})
wait_for(lambda m: m.get("id") == 2)
send({"method": "exit"})
outbox.put(None)
server.wait()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
shutil.rmtree(work)
timings.sort()
print(f"{repository}/{schema_path}: {len(text.encode()) // 1024} KB, {len(diagnostics)} diagnostics, {runs} edits")
print(f"edit → diagnostics: min {timings[0]:.1f} ms, median {statistics.median(timings):.1f} ms, "
      f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f} ms, max {timings[-1]:.1f} ms (target < 50 ms)")
print(f"server CPU: user {usage.ru_utime:.2f} s + sys {usage.ru_stime:.2f} s for {runs + 1} checks "
      f"({(usage.ru_utime + usage.ru_stime) / (runs + 1) * 1000:.1f} ms per check)")
