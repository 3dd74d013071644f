#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 like `python3 -m http.server`, at most RATE MB/s per connection.

Loopback moves 64 MB in a few hundred milliseconds, so downloading costs nothing there and overlapping it
with unpacking cannot show. A rate such as 25 MB/s (a 200 Mbit/s office link) makes the network what it
is in real life: the larger part of the manual method's time.
Usage: throttled-server.py PORT DIR RATE_MB_PER_S
"""
import functools
import http.server
import sys
import time

port, folder, rate = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]) * 1e6


class Throttled(http.server.SimpleHTTPRequestHandler):
    def copyfile(self, source, outputfile):
        start, sent, chunk = time.monotonic(), 0, 64 * 1024
        while True:
            buf = source.read(chunk)
            if not buf:
                return
            outputfile.write(buf)
            sent += len(buf)
            ahead = sent / rate - (time.monotonic() - start)
            if ahead > 0:
                time.sleep(ahead)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Throttled, directory=folder)).serve_forever()
