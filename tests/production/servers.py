"""Real servers for the production tests, each private to the test that starts it: a Redis, a
PostgreSQL cluster (initdb in a temporary folder) and the hub under gunicorn. Never the
shared 127.0.0.1:5432 / :6379 servers: these are stopped and restarted on purpose.
"""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, *, timeout=30.0, what="the server"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # not up yet
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


class RedisServer:
    """``redis-server`` on a free loopback port, keeping nothing on disk."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self.ping, what="redis-server")

    def ping(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def kill(self):
        """Gone at once, as in a crash: SIGKILL, no shutdown."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def _postgres_bin(name):
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PostgresCluster:
    """A PostgreSQL cluster of its own (initdb) in a new temporary folder, on a free loopback
    port. PostgreSQL refuses to run as root, so as root the cluster belongs to, and runs as,
    the ``postgres`` user (and lives outside pytest's folders, which only root may enter)."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="roadcase-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0

    def _run(self, *command):
        if self.as_postgres:
            command = ("runuser", "-u", "postgres", "--", *command)
        return subprocess.run(command, check=True, capture_output=True, text=True)

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init(self):
        if self.as_postgres:
            shutil.chown(self.folder, "postgres")
        self._run(
            _postgres_bin("initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def pg_ctl(self, action, *extra):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c full_page_writes=off"
        )
        self._run(
            _postgres_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "-m",
            "fast",
            action,
            *extra,
        )

    def start(self):
        self.pg_ctl("start")

    def restart(self):
        self.pg_ctl("restart")

    def halt(self):
        """Stop the server, keeping the cluster to start again."""
        self.pg_ctl("stop")

    def stop(self):
        """Stop the server for good and delete the cluster."""
        with contextlib.suppress(subprocess.CalledProcessError):
            self.pg_ctl("stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def create_database(self, name):
        subprocess.run(
            [
                _postgres_bin("createdb") or "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "postgres",
                name,
            ],
            check=True,
            capture_output=True,
        )


def manage(env, *args, timeout=300):
    """``python manage.py …`` in a process of its own with ``env``."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout


def python(env, code, timeout=120):
    """Python code run in a process of its own with ``env`` and Django set up."""
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout


class Gunicorn:
    """The hub under gunicorn, as docs/deployment.md runs it, on a free loopback port."""

    def __init__(self, env, folder, *, workers=4):
        self.env = env
        self.port = free_port()
        self.workers = workers
        self.log = Path(folder) / f"gunicorn-{self.port}.log"
        self.process = None

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "roadcase_site.wsgi",
                "-w",
                str(self.workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "30",
                "--graceful-timeout",
                "2",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("w"),
        )
        wait_until(
            lambda: (
                requests.get(
                    f"{self.base}/api/v1/locales/", timeout=2, allow_redirects=False
                ).status_code
                < 500
                or self.process.poll() is not None
            ),
            timeout=60,
            what="gunicorn",
        )
        assert self.process.poll() is None, self.log.read_text()[-3000:]

    def stop(self):
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
