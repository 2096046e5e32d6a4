"""dyad's extraction against trafilatura and htmldate, in the same run, on one core.

    pip install trafilatura htmldate lxml_html_clean
    python bench/extract_peers.py [--dyad target/release/dyad] [--data ../shared/data]

Prints, for the AEB pages (decompressed in memory first, as `dyad bench extract`
does): pages/s and the AEB F1 of trafilatura (default settings), then `dyad bench
extract` and `dyad eval aeb` run from this script, and the speed ratio. For the
htmldate set: htmldate's accuracy (extensive search, the same exact-day rule and
"no gold date expects none" as `dyad eval htmldate`) and pages/s, then `dyad eval
htmldate`. The AEB metric is the one of ../shared/data/README.md (lowercase, `\\w+`
tokens, multisets of 4-token shingles, each page's counts normalised to sum 1).
Not part of the test suite: it needs the pip packages and the reference sets.
"""

import argparse
import gzip
import io
import json
import re
import subprocess
import tarfile
import time
from collections import Counter
from pathlib import Path


def shingles(text: str) -> Counter:
    toks = re.findall(r"\w+", text.lower())
    return Counter(tuple(toks[i : i + 4]) for i in range(max(0, len(toks) - 3)))


def aeb_f1(pairs) -> tuple:
    tp = fp = fn = 0.0
    for gold, pred in pairs:
        g, p = shingles(gold), shingles(pred or "")
        a = sum((p & g).values())
        b = sum((p - g).values())
        c = sum((g - p).values())
        s = a + b + c
        if s:
            tp, fp, fn = tp + a / s, fp + b / s, fn + c / s
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def best_of(n, fn):
    best = None
    for _ in range(n):
        t = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t
        best = dt if best is None or dt < best else best
    return best, out


def run(cmd) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    return out.splitlines()[-1] if out else ""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dyad", default="target/release/dyad")
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes of each peer (best is kept)")
    args = ap.parse_args()

    import htmldate
    import trafilatura

    aeb = Path(args.data) / "extraction/aeb"
    gold = json.loads((aeb / "ground-truth.json").read_text())
    pages = []
    for key, item in sorted(gold.items()):
        html = gzip.decompress((aeb / "html" / f"{key}.html.gz").read_bytes())
        pages.append((item.get("articleBody", ""), html))

    secs, texts = best_of(args.repeat, lambda: [trafilatura.extract(h) for _, h in pages])
    p, r, f = aeb_f1((g, t) for (g, _), t in zip(pages, texts))
    traf_rate = len(pages) / secs
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} AEB pages  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {traf_rate:.0f} pages/s")
    bench = run([args.dyad, "bench", "extract"])
    print(bench)
    print(run([args.dyad, "eval", "aeb", "--data", args.data]))
    m = re.search(r"(\d+) pages/s", bench)
    if m:
        print(f"dyad / trafilatura speed: {int(m.group(1)) / traf_rate:.1f}x")

    hd = Path(args.data) / "extraction/htmldate"
    tar = tarfile.open(fileobj=io.BytesIO(gzip.decompress((hd / "htmldate_eval_html.tar.gz").read_bytes())))
    files = {Path(m.name).name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    items = []
    for name in ["eval_default.json", "eval_mediacloud_2020.json"]:
        for url, item in json.loads((hd / name).read_text()).items():
            if item.get("file") in files:
                d = item.get("date")
                items.append((url, files[item["file"]], d[:10] if isinstance(d, str) and d else None))

    def dates():
        return [htmldate.find_date(h, url=u, extensive_search=True, original_date=True) for u, h, _ in items]

    secs, found = best_of(args.repeat, dates)
    right = sum((f[:10] if f else None) == g for (_, _, g), f in zip(items, found))
    print(f"htmldate {htmldate.__version__}: {len(items)} pages  accuracy {right / len(items):.3f}  {len(items) / secs:.0f} pages/s")
    print(run([args.dyad, "eval", "htmldate", "--data", args.data]))


if __name__ == "__main__":
    main()
