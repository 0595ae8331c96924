"""Compare JSON libraries on ea-planner's documents: decode (+ validation) and encode.

    python benchmarks/json_libraries.py --data-dir /tmp/ea-5y

stdlib json and orjson only parse; the typed msgspec decoder also validates every
field against the schema, which the others would need a second pass for.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import msgspec

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.domain.document import Document
from planner.storage.document import encode


def best_of(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args()
    import orjson

    files = [args.data_dir / "planner.json", max((args.data_dir / "archive").glob("*.json"))]
    decoder = msgspec.json.Decoder(Document)
    print(f"{'file':<14}{'MB':>6}{'json':>10}{'orjson':>10}{'msgspec':>10}{'msgspec typed':>15}")
    for path in files:
        data = path.read_bytes()
        doc = decoder.decode(data)
        row = [
            best_of(lambda: json.loads(data)),
            best_of(lambda: orjson.loads(data)),
            best_of(lambda: msgspec.json.decode(data)),
            best_of(lambda: decoder.decode(data)),
        ]
        print(
            f"{path.name:<14}{len(data) / 1e6:>6.2f}"
            + "".join(f"{v:>9.1f}ms" for v in row[:3])
            + f"{row[3]:>13.1f}ms"
        )
        raw = json.loads(data)
        enc = [
            best_of(lambda: json.dumps(raw).encode()),
            best_of(lambda: orjson.dumps(raw)),
            best_of(lambda: msgspec.json.encode(raw)),
            best_of(lambda: encode(doc)),
        ]
        print(
            f"{'  encode':<14}{'':>6}"
            + "".join(f"{v:>9.1f}ms" for v in enc[:3])
            + f"{enc[3]:>13.1f}ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
