"""`make serve` and `make check`, as an editor meets them: a free port, plain words,
no traceback, and a preview that keeps working while refs.bib is broken."""

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import ROOT, build_env

sys.path.insert(0, str(ROOT / "tools"))
import check  # noqa: E402
import serve  # noqa: E402

SERVE = [sys.executable, str(ROOT / "tools" / "serve.py")]


def listening_socket(port=0):
    sock = socket.socket()
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


def test_free_port_skips_a_port_in_use():
    with listening_socket() as busy:
        port = busy.getsockname()[1]
        found = serve.free_port(port, tries=5)
    assert found is not None and found != port


def test_serve_says_so_in_plain_words_when_every_port_is_taken():
    with listening_socket() as busy:
        port = busy.getsockname()[1]
        result = subprocess.run([*SERVE, "--port", str(port), "--tries", "1"], capture_output=True, text=True,
                                timeout=30, env=build_env(), check=False)
    assert result.returncode == 1
    assert result.stdout == (f"Ports {port} to {port} are all in use. Stop another preview (Ctrl+C in its "
                             f"window) and try again.\n")
    assert result.stderr == ""


def test_make_serve_and_make_check_run_the_friendly_commands():
    def dry_run(target):
        return subprocess.run(["make", "-n", "--no-print-directory", target], cwd=ROOT, capture_output=True,
                              text=True, check=False).stdout
    assert dry_run("serve").strip().endswith(".venv/bin/python tools/serve.py")
    # "|| true" / "|| echo": a finding ends with our sentence, not make's "Error 1" line.
    assert ".venv/bin/python tools/check.py || true" in dry_run("check")
    assert "hooks/claims.py  docs || echo \"Fix the problems above;" in dry_run("check-claims")


def test_check_ends_with_one_plain_sentence():
    assert check._sentence(0) == "No problems found."
    assert check._sentence(1).startswith("1 problem to fix; see above.")
    assert check._sentence(2).startswith("2 problems to fix; see above.")


def test_install_step_says_what_it_is_doing():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("$(STAMP): requirements-dev.lock"):makefile.index("\nserve:")]
    assert "Installing the tools the site needs" in recipe
    # No command echoed before the message: every line of the recipe is silent.
    assert all(line.startswith("\t@") for line in recipe.splitlines()[1:] if line.startswith("\t") and
               not line.startswith("\t\t"))


def copy_site(target):
    for name in ("docs", "includes", "overrides", "hooks"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "refs.bib", "terminology.yml"):
        shutil.copy(ROOT / name, target / name)


def get(url, timeout=2):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def test_preview_keeps_serving_and_locates_a_broken_refs_bib(tmp_path):
    site = tmp_path / "site"
    copy_site(site)
    with listening_socket() as probe:
        first_port = probe.getsockname()[1] + 1  # near a free one, not 8000, which a real preview may hold
    server = subprocess.Popen([*SERVE, "-f", str(site / "mkdocs.yml"), "--port", str(first_port)], cwd=site,
                              env=dict(build_env(), TMPDIR=str(tmp_path)), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    try:
        address = _address_from(server)
        reader.start()  # keeps the pipe drained, so the server never blocks on a full log
        page = address + "case/"
        # Both languages built once, the server waiting for edits.
        _wait_for(lambda: any("Serving on" in line for line in lines), seconds=90)
        _wait_for(lambda: "Casiraghi" in get(page), seconds=10)
        # Break refs.bib as an editor might: drop the closing brace of the first entry.
        text = (site / "refs.bib").read_text(encoding="utf-8")
        first = text.index("@")
        end = text.index("\n}", first)
        (site / "refs.bib").write_text(text[:end] + "\n" + text[end + 2:], encoding="utf-8")
        broken_at = time.monotonic()
        html = _wait_for(lambda: (lambda body: body if "BIB001 unreadable-bibliography" in body else "")(get(page)),
                         seconds=10)
        assert time.monotonic() - broken_at < 10
        line = text[:first].count("\n") + 1
        assert f"refs.bib, Line {line}, BIB001 unreadable-bibliography" in html
        assert "is missing its closing" in html
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
        reader.join(timeout=5)
    output = "".join(lines)
    assert "Traceback" not in output
    assert "Preview stopped." in output


def _address_from(server):
    for _ in range(20):
        line = server.stdout.readline()
        if "Starting the preview at " in line:
            return line.split("Starting the preview at ")[1].split(" ")[0]
    pytest.fail("tools/serve.py did not say where the preview is")


def _wait_for(get_value, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = get_value()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"not ready within {seconds} s")


def test_check_names_the_line_of_a_broken_mkdocs_yml_in_plain_words():
    stderr = ("Error: MkDocs encountered an error parsing the configuration file: while scanning for the next token\n"
              "found character '\\t' that cannot start any token\n"
              f'  in "{ROOT / "mkdocs.yml"}", line 89, column 1\n')
    assert check.settings_problem(stderr) == (
        "mkdocs.yml:89:1: the settings file cannot be read (while scanning for the next token found character "
        "'\\t' that cannot start any token). Indent with spaces, never a Tab, and line this line up with the "
        "lines around it.")
    assert check.settings_problem("ERROR - something else") == ""
