#!/usr/bin/python3
"""User-vector rules compared on the same item vectors (bench/sequence-aware.md, fourth sitting).

  user-rules.py split RATINGS_CSV DIR [--all]  # PROTOCOL's validation split: DIR/train.csv, DIR/val.tsv
                                          # --all: every row liked (user,item,weight,time logs);
                                          # a user,item,time file (a split's train.csv) splits again
  user-rules.py eval DIR VECTORS_TXT [OUTPUT_TXT]   # u2i HR@10 of each rule on DIR/val.tsv

train.csv holds the training sequences of the validation split (user,item,time; every row
liked), for `embrec train --data DIR/train.csv --columns user=user,item=item,time=time`;
VECTORS_TXT is that model's `embrec export --output-format w2v-text`; OUTPUT_TXT, a `--scoring
directed` model's `--output-vectors` file (the bias ln count last), adds the blends of the cosine
with the directed score `q . output(c) + beta ln count(c)` for beta 1 (embrec's directed score)
and 0 (skip-gram's plain score; bench/sequence-aware.md, eighth sitting), q the recency rule's
weighted mean of the history's vectors. Ties and exclusions follow
PROTOCOL.md (score descending, then item id ascending; the user's training items excluded).
Needs numpy (Debian: python3-numpy).
"""
import collections
import csv
import sys

import numpy as np


def split(ratings, out, every_row_liked=False):
    """every_row_liked: a log without ratings (the third of four columns is ignored); a file of
    three columns (user,item,time, such as a split's train.csv) is always read so, which splits
    a validation split's training sequences again as `--scoring auto`'s held-out items do."""
    rows = []
    with open(ratings, newline="") as f:
        r = csv.reader(f)
        width = len(next(r))
        for i, row in enumerate(r):
            if width == 3:
                u, m, t = row
                rating = None
            else:
                u, m, rating, t = row
            rows.append((u, m, None if width == 3 or every_row_liked else float(rating), int(t), i))
    rated = [x[2] for x in rows if x[2] is not None]
    mean = sum(rated) / len(rated) if rated else None
    liked = collections.defaultdict(list)
    for u, m, rating, t, i in rows:
        if rating is None or rating > mean:
            liked[u].append((t, i, m))
    with open(f"{out}/train.csv", "w") as train, open(f"{out}/val.tsv", "w") as val:
        train.write("user,item,time\n")
        for u, s in liked.items():
            s.sort()
            if len(s) >= 3:
                s = s[:-1]  # the test target never enters
            if len(s) >= 3:
                val.write(f"{u}\t{s[-1][2]}\n")
                s = s[:-1]
            for t, i, m in s:
                train.write(f"{u},{m},{t}\n")


def load(path):
    with open(path) as f:
        n, d = map(int, f.readline().split())
        ids, vecs = [], np.zeros((n, d), np.float32)
        for k, line in enumerate(f):
            x = line.rstrip().split(" ")
            ids.append(x[0])
            vecs[k] = np.array(x[1:], np.float32)
    return ids, vecs


def read_split(d):
    """The split in DIR d: each user's training items in order, and the (user, target) cases."""
    seq = collections.defaultdict(list)
    with open(f"{d}/train.csv") as f:
        next(f)
        for line in f:
            u, m, _ = line.strip().split(",")
            seq[u].append(m)
    cases = [line.strip().split("\t") for line in open(f"{d}/val.tsv")]
    return seq, cases


def evaluate(d, vectors, outputs=None):
    ids, V = load(vectors)
    index = {m: k for k, m in enumerate(ids)}
    U = V / np.linalg.norm(V, axis=1, keepdims=True)
    order = np.argsort(np.array([int(m) for m in ids]), kind="stable")
    id_rank = np.empty(len(ids), int)
    id_rank[order] = np.arange(len(ids))
    seq, cases = read_split(d)

    def hr(rule):
        hits = 0
        for u, target in cases:
            items = [index[m] for m in seq[u] if m in index]
            if not items or target not in index:
                continue
            s = rule(np.array(items))
            s[items] = -np.inf
            t = index[target]
            rank = 1 + np.sum(s > s[t]) + np.sum((s == s[t]) & (id_rank < id_rank[t]))
            hits += rank <= 10
        return hits / len(cases)

    def weights(n, half_life):
        return 0.5 ** ((n - 1 - np.arange(n)) / half_life)

    def recency(half_life):  # embrec's rule: cosine with the decayed sum of raw vectors
        return lambda items: U @ (weights(len(items), half_life)[:, None] * V[items]).sum(0)

    def kernel(p, half_life):  # sum of decayed max(0, cosine)^p to each history item
        return lambda items: (weights(len(items), half_life)[:, None]
                              * np.maximum(U[items] @ U.T, 0) ** p).sum(0)

    rules = [(f"recency hl {h}", recency(h)) for h in (1, 2)]
    rules += [(f"kernel p {p} hl {h}", kernel(p, h)) for p in (2, 3, 5) for h in (1, 2, 4)]
    if outputs:
        out_ids, O = load(outputs)
        if out_ids != ids:
            sys.exit(f"{outputs}: rows are not those of {vectors}")
        bias, O = O[:, -1], O[:, :-1]

        def blend(a, b, beta, half_life):  # a cos(q, c) + b (q . out(c) + beta ln count(c))
            def rule(items):
                w = weights(len(items), half_life)
                q = (w[:, None] * V[items]).sum(0) / w.sum()
                return a * U @ (q / np.linalg.norm(q)) + b * (O @ q + beta * bias)
            return rule

        for h in (1, 2, 4):
            rules += [(f"cos 1 + {b} directed hl {h}", blend(1, b, 1, h)) for b in (0.03, 0.1, 0.3)]
            rules += [(f"cos 1 + {b} plain hl {h}", blend(1, b, 0, h)) for b in (0.3, 1)]
            rules += [(f"plain hl {h}", blend(0, 1, 0, h))]
    print(f"{len(cases)} cases, {len(ids)} vectors")
    for name, rule in rules:
        print(f"{name:20s} {hr(rule):.4f}")


if __name__ == "__main__":
    if len(sys.argv) in (4, 5) and sys.argv[1] == "split" and sys.argv[4:] in ([], ["--all"]):
        split(sys.argv[2], sys.argv[3], sys.argv[4:] == ["--all"])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "eval":
        evaluate(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) == 5 else None)
    else:
        sys.exit(__doc__)
