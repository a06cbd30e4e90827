"""Start the live preview (`make serve`) on the first free port from 8000.

MkDocs alone stops with a Python traceback when port 8000 is taken (say, by a
preview left running in another window). This finds a free port, says which,
and turns Ctrl+C into one plain line.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys

HOST = "127.0.0.1"
FIRST_PORT = 8000
PORTS_TRIED = 20


def free_port(first=FIRST_PORT, tries=PORTS_TRIED):
    """The first port from `first` that nothing is listening on, or None."""
    for port in range(first, first + tries):
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
            return port
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="the site's mkdocs.yml")
    parser.add_argument("--port", type=int, default=FIRST_PORT, help="the first port to try")
    parser.add_argument("--tries", type=int, default=PORTS_TRIED, help="how many ports to try")
    options = parser.parse_args(argv)
    port = free_port(options.port, options.tries)
    if port is None:
        print(f"Ports {options.port} to {options.port + options.tries - 1} are all in use. Stop another "
              f"preview (Ctrl+C in its window) and try again.", flush=True)
        return 1
    address = f"http://{HOST}:{port}/"
    if port != options.port:
        print(f"Port {options.port} is in use (perhaps by another preview), so this one uses port {port}.",
              flush=True)
    print(f"Starting the preview at {address} ... it is ready when the log says \"Serving on\". "
          f"Stop it with Ctrl+C.", flush=True)
    env = dict(os.environ, SITE_URL=address)
    # --dirty: rebuild only the pages a change can alter (hooks/mkdocs_preview.py decides which).
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", options.config_file,
               "--dev-addr", f"{HOST}:{port}", "--livereload", "--dirty"]
    server = subprocess.Popen(command, env=env)
    try:
        return server.wait()
    except KeyboardInterrupt:
        # Ctrl+C in the terminal reaches MkDocs too, which then removes its temporary
        # folder and stops. An interrupt sent to this process alone is passed on.
        try:
            server.wait(timeout=1)
        except subprocess.TimeoutExpired:
            server.send_signal(signal.SIGINT)
            server.wait()
        print("Preview stopped.", flush=True)
        return 0


if __name__ == "__main__":
    sys.exit(main())
