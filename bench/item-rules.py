#!/usr/bin/python3
"""Item-query (i2i) rules compared on the same model (bench/sequence-aware.md, sixth sitting).

  item-rules.py DIR INPUT_TXT OUTPUT_TXT [MAX_CASES]   # i2i HR@10 of each rule on DIR/val.tsv

DIR comes from `user-rules.py split`; INPUT_TXT and OUTPUT_TXT are a `--scoring directed` model's
`embrec export --output-format w2v-text --output-vectors OUTPUT_TXT` (the output file's last
column is the bias ln count). The query is each validation user's last training item, the
target the held-out item, ties and exclusions as PROTOCOL.md has them (score descending, then
item id ascending; the query excluded). With MAX_CASES, a seeded sample of the cases is scored.

Rules: the cosine; blends `cos + b * directed` (directed = input(q) . output(c) + ln count(c),
embrec's directed score); the cosine with a popularity prior `cos + p * ln count(c)`; and reciprocal-rank fusion `1 / (k + r_cos) + w / (k + r_dir)` of the
two rankings (r the 0-based rank among all candidates, Cormack et al. 2009).
Needs numpy (Debian: python3-numpy).
"""
import collections
import random
import sys

import numpy as np

from importlib import import_module

user_rules = import_module("user-rules")


def ranks(scores, order_ids):
    """0-based rank of every row: score descending, then id ascending."""
    order = np.lexsort((order_ids, -scores))
    r = np.empty(len(scores), int)
    r[order] = np.arange(len(scores))
    return r


def evaluate(d, inputs, outputs, max_cases=None):
    ids, V = user_rules.load(inputs)
    out_ids, O = user_rules.load(outputs)
    if out_ids != ids:
        sys.exit(f"{outputs}: rows are not those of {inputs}")
    index = {m: k for k, m in enumerate(ids)}
    U = V / np.linalg.norm(V, axis=1, keepdims=True)
    numeric = np.array([int(m) for m in ids])
    last = {}
    with open(f"{d}/train.csv") as f:
        next(f)
        for line in f:
            u, m, _ = line.strip().split(",")
            last[u] = m
    cases = [line.strip().split("\t") for line in open(f"{d}/val.tsv")]
    if max_cases and len(cases) > max_cases:
        random.Random(1).shuffle(cases)
        cases = cases[:max_cases]

    blends = (0.03, 0.1, 0.3, 1.0)
    priors = (0.03, 0.1, 0.3)
    fusions = [(k, w) for k in (60, 100, 200) for w in (0.2, 0.3, 0.5, 1.0)]
    hits = collections.Counter()
    for u, target in cases:
        q, t = index.get(last[u]), index.get(target)
        if q is None or t is None:
            continue  # a miss, in the denominator as PROTOCOL.md has it
        cos = U @ U[q]
        directed = V[q] @ O[:, :-1].T + O[:, -1]
        cos[q] = directed[q] = -np.inf

        def hit(s):
            return 1 + np.sum(s > s[t]) + np.sum((s == s[t]) & (numeric < numeric[t])) <= 10

        hits["cosine"] += hit(cos)
        for p in priors:
            hits[f"cosine + {p} ln count"] += hit(cos + p * O[:, -1])
        hits["directed"] += hit(directed)
        for b in blends:
            hits[f"cosine + {b} directed"] += hit(cos + b * directed)
        r_cos, r_dir = ranks(cos, numeric), ranks(directed, numeric)
        for k, w in fusions:
            fused = 1 / (k + r_cos) + w / (k + r_dir)
            fused[q] = -np.inf
            hits[f"fusion k {k} w {w}"] += hit(fused)
    print(f"{len(cases)} cases, {len(ids)} vectors")
    for name, n in sorted(hits.items(), key=lambda kv: -kv[1]):
        print(f"{name:24s} {n / len(cases):.4f}")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5):
        evaluate(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) == 5 else None)
    else:
        sys.exit(__doc__)
