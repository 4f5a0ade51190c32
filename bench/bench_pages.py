"""Page server time and SQL queries at 1k and 10k actions, and action-list throughput under load.

    python bench/bench_pages.py             every case, results in bench/results-pages.json
    python bench/bench_pages.py pages 1000  one size of the page cases (one JSON line)
    python bench/bench_pages.py load 1000   the gunicorn throughput case (one JSON line)

Page cases use Django's test Client against a temporary SQLite database and
count queries with CaptureQueriesContext. The load case starts gunicorn on
127.0.0.1 on a free port against the same kind of database, signs in once
(a session cookie), and runs 20 client threads for 30 seconds; it always
stops gunicorn again.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = (1_000, 10_000)
REPEATS = 5
CLIENTS = 20
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
PARTNERS = 4


def _setup_django(folder: Path) -> None:
    os.environ["JOINEDUP_DB_PATH"] = str(folder / "bench.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "joinedup.settings.dev")
    os.environ["JOINEDUP_DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _world(size: int, folder: Path):
    """A partnership with the demo strategy, `size` actions over four partners, an admin user."""
    sys.path.insert(0, str(HERE))
    from synthetic import write_plan

    from joinedup.accounts.models import Access, Membership
    from joinedup.actions.importing import import_plan
    from joinedup.actions.models import Action, ProgressUpdate
    from joinedup.ingest import load_strategy, read_plan
    from joinedup.partners.models import Organisation, Partnership
    from joinedup.strategy.loading import store_strategy

    partnership = Partnership.objects.create(name="Bench", slug="bench")
    store_strategy(partnership, load_strategy(HERE.parent / "demo" / "strategy.yaml"))
    result = read_plan(write_plan(folder / "plan.xlsx", size // PARTNERS), partner="x")
    for n in range(PARTNERS):
        owner = Organisation.objects.create(name=f"Bench partner {n + 1}")
        import_plan(partnership, owner, "Plan", result, source="synthetic")
    ProgressUpdate.objects.bulk_create(
        ProgressUpdate(action_id=pk, date="2026-01-01", status="on_track")
        for pk in Action.objects.values_list("id", flat=True)[::2])
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bench", password="bench-password-1")  # noqa: S106 throwaway database
    Membership.objects.create(user=user, partnership=partnership,
                              organisation=Organisation.objects.first(), access=Access.ADMIN)
    return partnership, user


def _urlconf() -> str:
    """The project's URLs, or (until the dashboard is wired in) a bench copy that adds it."""
    from django.urls import reverse

    try:
        reverse("pages:dashboard", kwargs={"slug": "bench"})
    except Exception:  # noqa: S110 not wired in yet, or another app's URLs do not import
        pass
    else:
        return ""
    import importlib
    import types

    from django.urls import include, path

    from joinedup.pages import dashboard
    from joinedup.pages.urls import urlpatterns as base

    pages = types.ModuleType("bench_pages_urls_pages")
    pages.app_name = "pages"
    pages.urlpatterns = [*base, *dashboard.urlpatterns]
    root = types.ModuleType("bench_pages_urls")
    root.urlpatterns = []
    for app in ("accounts", "synergies", "actions", "strategy", "partners", "outcomes",
                "landscape", "assessment", "publishing", "imports"):
        try:
            importlib.import_module(f"joinedup.{app}.urls")
        except Exception:  # noqa: S112 an app still being written is left out
            continue
        root.urlpatterns.append(path("", include(f"joinedup.{app}.urls")))
    root.urlpatterns.append(path("", include(pages)))
    sys.modules[pages.__name__] = pages
    sys.modules[root.__name__] = root
    return root.__name__


def _time_page(client, url: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200, url  # warm caches and templates
    times = []
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return {"seconds": statistics.median(times), "queries": len(queries)}


def _pages(size: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(Path(tmp))
        partnership, user = _world(size, Path(tmp))
        from django.test import Client
        from django.test.utils import override_settings

        from joinedup.actions.models import Action

        urlconf = _urlconf()
        action = Action.objects.filter(partnership=partnership).order_by("id")[size // 2]
        cases = {"page-dashboard": "/p/bench/dashboard/", "page-action-list": "/p/bench/actions/",
                 "page-action": f"/p/bench/actions/{action.pk}/"}
        results = []
        with override_settings(**({"ROOT_URLCONF": urlconf} if urlconf else {})):
            client = Client(HTTP_HOST="localhost")
            client.force_login(user)
            for case, url in cases.items():
                results.append({"case": case, "size": size, **_time_page(client, url)})
        return results


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    """Until a page is served: the workers have loaded the app before the clock starts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            connection.request("GET", "/sign-in/", headers={"Host": "localhost"})
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.5)
        finally:
            connection.close()
    raise RuntimeError("gunicorn did not start in time")


def _hammer(port: int, cookie: str, stop: float, counts: list[int], errors: list[str]) -> None:
    done = 0
    failed: list[str] = []
    while time.monotonic() < stop:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request("GET", "/p/bench/actions/",
                               headers={"Host": "localhost", "Cookie": f"sessionid={cookie}"})
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                done += 1
            else:
                failed.append(f"HTTP {response.status}")
        except OSError as error:
            failed.append(type(error).__name__)
        finally:
            connection.close()
    counts.append(done)
    errors.extend(failed)


def _load(size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        _setup_django(Path(tmp))
        _, user = _world(size, Path(tmp))
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        cookie = client.cookies["sessionid"].value
        port = _free_port()
        workers = max(2, (os.cpu_count() or 1) * 2)
        env = dict(os.environ, JOINEDUP_DB_PATH=str(Path(tmp) / "bench.sqlite3"))
        gunicorn = Path(sys.executable).with_name("gunicorn")
        log = (Path(tmp) / "gunicorn.log").open("w")
        process = subprocess.Popen(
            [str(gunicorn), "joinedup.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--preload", "--log-level", "warning"],
            env=env, stdout=log, stderr=log)
        try:
            _wait_for(port, process)
            for _ in range(workers * 2):  # every worker past its first (slow) request
                _wait_for(port, process)
            counts: list[int] = []
            errors: list[str] = []
            stop = time.monotonic() + LOAD_SECONDS
            threads = [threading.Thread(target=_hammer, args=(port, cookie, stop, counts, errors))
                       for _ in range(CLIENTS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=LOAD_SECONDS + 60)
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
            log.close()
        total = sum(counts)
        if not total:
            sys.stderr.write((Path(tmp) / "gunicorn.log").read_text()[-3000:])
        return {"case": "load-action-list", "size": size, "seconds": LOAD_SECONDS,
                "requests_per_second": round(total / LOAD_SECONDS, 1), "errors": len(errors),
                "error_kinds": sorted(set(errors)),
                "note": f"{CLIENTS} clients, {workers} sync gunicorn workers, SQLite, loopback"}


def _in_subprocess(kind: str, size: int) -> list[dict]:
    out = subprocess.run([sys.executable, __file__, kind, str(size)], check=True,
                         capture_output=True, text=True, timeout=1800)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes=SIZES) -> list[dict]:
    results: list[dict] = []
    for size in sizes:
        results += _in_subprocess("pages", size)
    results += _in_subprocess("load", sizes[0])
    return results


def main() -> None:
    results = run()
    for result in results:
        extra = "  ".join(f"{k}={result[k]}" for k in ("queries", "requests_per_second", "errors")
                          if k in result)
        print(f"{result['case']:<20} size={result['size']:>7,}  time={result['seconds']:.3f}s  {extra}")
    (HERE / "results-pages.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        kind, size = sys.argv[1], int(sys.argv[2])
        found = _pages(size) if kind == "pages" else [_load(size)]
        print(json.dumps(found))
    else:
        main()
