#!/usr/bin/python3
"""Where the bundled cold slice's targets could come from (bench/cold-start.md, fourth look).

  cold-slice.py RATINGS_CSV MOVIES_CSV TAGS_CSV

PROTOCOL's validation split of a MovieLens directory (liked = rating above the global mean; each
user's test target dropped, then the last training item held out). Cold = fewer than 5 training
occurrences. Prints how many cases have a cold target or a cold query, and how a content
ranking (tf-idf of genres, release year and decade, and tags, tag rows of held-out pairs
dropped) plus a count prior `beta * ln(1 + count)` ranks the cold targets among cold
candidates only and among all items; and how the transition counts (window 10, 1/distance)
rank the targets of cold queries among warm candidates. Ties: item id ascending.
Needs numpy (Debian: python3-numpy).
"""
import collections
import csv
import math
import re
import sys

import numpy as np


def split(ratings):
    with open(ratings, newline="") as f:
        rows = [(u, int(m), float(r), int(t), k) for k, (u, m, r, t) in enumerate(list(csv.reader(f))[1:])]
    mean = sum(x[2] for x in rows) / len(rows)
    liked = collections.defaultdict(list)
    for u, m, r, t, k in rows:
        if r > mean:
            liked[u].append((t, k, m))
    train, cases = {}, []
    for u, s in liked.items():
        seq = [m for t, k, m in sorted(s)]
        if len(seq) >= 3:
            seq = seq[:-1]  # the test target never enters
        if len(seq) >= 3:
            cases.append((u, seq[-2], seq[-1]))
            seq = seq[:-1]
        train[u] = seq
    return train, cases


def content(movies, tags, held_out):
    tokens = collections.defaultdict(collections.Counter)
    with open(movies, newline="") as f:
        for m, title, genres in list(csv.reader(f))[1:]:
            m = int(m)
            tokens[m].update("g:" + g for g in genres.split("|"))
            year = re.search(r"\((\d{4})\)\s*$", title)
            if year:
                tokens[m].update(["y:" + year.group(1), "d:" + year.group(1)[:3]])
    with open(tags, newline="") as f:
        for u, m, tag, t in list(csv.reader(f))[1:]:
            if (u, int(m)) not in held_out:
                tokens[int(m)]["t:" + tag.lower().strip()] += 1
    ids = sorted(tokens)
    df = collections.Counter(w for m in ids for w in tokens[m])
    vocab = {w: k for k, w in enumerate(df)}
    X = np.zeros((len(ids), len(vocab)), np.float32)
    for row, m in enumerate(ids):
        for w, c in tokens[m].items():
            X[row, vocab[w]] = (1 + math.log(c)) * math.log(len(ids) / df[w])
    return ids, X / (np.linalg.norm(X, axis=1, keepdims=True) + 1e-9)


def rank(scores, ids, target):
    s = scores[target]
    return int(np.sum(scores > s) + np.sum((scores == s) & (ids < ids[target])))


def main(ratings, movies, tags):
    train, cases = split(ratings)
    count = collections.Counter(m for s in train.values() for m in s)
    ids, X = content(movies, tags, {(u, t) for u, q, t in cases})
    row = {m: k for k, m in enumerate(ids)}
    idarr = np.array(ids)
    counts = np.array([count[m] for m in ids], np.float32)
    cold = counts < 5
    cold_targets = [c for c in cases if count[c[2]] < 5]
    cold_queries = [c for c in cases if count[c[1]] < 5]
    print(f"{len(cases)} cases; cold targets {len(cold_targets)}; cold queries {len(cold_queries)}, "
          f"{sum(count[t] < 5 for u, q, t in cold_queries)} of them with a cold target")
    groups = [("cold targets, warm queries", [c for c in cold_targets if count[c[1]] >= 5]),
              ("cold targets, cold queries", [c for c in cold_targets if count[c[1]] < 5])]
    for beta in (0, 0.05, 0.1):
        for label, group in groups:
            for where, allowed in (("among cold items", cold), ("among all items", np.ones(len(ids), bool))):
                hits = collections.Counter()
                for u, q, t in group:
                    s = X @ X[row[q]] + beta * np.log1p(counts)
                    s = np.where(allowed, s, -np.inf)
                    s[row[q]] = -np.inf
                    r = rank(s, idarr, row[t])
                    hits.update(k for k in (1, 3, 5, 10) if r < k)
                print(f"content, beta {beta}, {label} ({len(group)}), {where}: "
                      + ", ".join(f"HR@{k} {hits[k] / len(group):.4f}" for k in (1, 3, 5, 10)))
    follows = collections.defaultdict(collections.Counter)
    for s in train.values():
        for a in range(len(s)):
            for d in range(1, 11):
                if a + d < len(s):
                    follows[s[a]][s[a + d]] += 1 / d
    warm = np.array([m for m in ids if count[m] >= 5])
    hits = 0
    for u, q, t in cold_queries:
        s = np.array([follows[q].get(m, 0.0) + 1e-9 * count[m] for m in warm])
        s[warm == q] = -np.inf
        hits += t in set(warm[np.lexsort((warm, -s))[:10]])
    print(f"transition counts, cold queries ({len(cold_queries)}), warm candidates: HR@10 {hits / len(cold_queries):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
