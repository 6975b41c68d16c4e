#!/usr/bin/python3
"""User queries ranked by the rank fusion of a cosine rule with the directed score
(bench/sequence-aware.md, ninth sitting).

  user-fusion.py DIR PREFIX SEED...   # u2i HR@10 of each rule on DIR/val.tsv, per seed and mean

DIR comes from `user-rules.py split`; PREFIX-SEED.in.txt and PREFIX-SEED.out.txt are a
`--scoring directed` model's `embrec export --output-format w2v-text --output-vectors` files (the
output file's last column is the bias ln count). Rules: the recency and kernel (power 2) rules
with half-lives 1 and 2 (user-rules.py's), the additive blends `cos + b (q . out(c) + ln count(c))`
with half-life 0.5, and the reciprocal-rank fusion `1 / (100 + r_cos) + w / (100 + r_dir)` of each
cosine rule with the directed score of the recency query at half-life 0.5, 1 or 2 (r the 0-based
rank among the candidates, the history excluded; ranks are not capped). At most 1,500 cases
(a seeded sample). Ties and exclusions as PROTOCOL.md has them. Needs numpy.
"""
import collections
import os
import random
import sys
from importlib import import_module

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ur = import_module("user-rules")
if len(sys.argv) < 4:
    sys.exit(__doc__)
d, prefix = sys.argv[1], sys.argv[2]
seeds = sys.argv[3:]
maxcases = 1500
seq, cases = ur.read_split(d)
if len(cases) > maxcases:
    random.Random(7).shuffle(cases)
    cases = cases[:maxcases]
def weights(n, h):
    return 0.5 ** ((n - 1 - np.arange(n)) / h)
total = collections.Counter()
for s in seeds:
    ids, V = ur.load(f'{prefix}-{s}.in.txt')
    oids, O = ur.load(f'{prefix}-{s}.out.txt')
    assert oids == ids
    bias, O = O[:, -1], O[:, :-1]
    U = V / np.linalg.norm(V, axis=1, keepdims=True)
    index = {m: k for k, m in enumerate(ids)}
    numeric = np.array([int(m) for m in ids])
    def rank_of(sc, t):
        return 1 + np.sum(sc > sc[t]) + np.sum((sc == sc[t]) & (numeric < numeric[t]))
    def ranks(sc):
        order = np.lexsort((numeric, -sc))
        r = np.empty(len(sc), int); r[order] = np.arange(len(sc)); return r
    hits = collections.Counter()
    for u, target in cases:
        items = [index[m] for m in seq[u] if m in index]
        if not items or target not in index:
            continue
        t = index[target]
        it = np.array(items)
        cos = {}
        for h in (1, 2):
            w = weights(len(it), h)
            k2 = (w[:, None] * np.maximum(U[it] @ U.T, 0) ** 2).sum(0)
            k2[it] = -np.inf
            cos[f'kernel hl{h}'] = k2
            q = (w[:, None] * V[it]).sum(0)
            rc = U @ (q / np.linalg.norm(q)); rc[it] = -np.inf
            cos[f'recency hl{h}'] = rc
        dirs = {}
        for h in (0.5, 1, 2):
            w = weights(len(it), h)
            q = (w[:, None] * V[it]).sum(0) / w.sum()
            dd = O @ q + bias; dd[it] = -np.inf
            dirs[f'dir hl{h}'] = dd
            if h == 1:
                hits['directed hl1'] += rank_of(dd, t) <= 10
            # the additive blend cos + b directed (what auto has)
            if h == 0.5:
                for b in (0.3, 1):
                    qq = q / np.linalg.norm(q)
                    sc = U @ qq + b * dd
                    hits[f'recency hl0.5 cos + {b} dir'] += rank_of(sc, t) <= 10
        for cn, c in cos.items():
            hits[cn] += rank_of(c, t) <= 10
            rcos = ranks(c)
            for dn, dd in dirs.items():
                rdir = ranks(dd)
                for wgt in (0.3, 1):
                    f = 1 / (100 + rcos) + wgt / (100 + rdir)
                    hits[f'fusion {cn} + {wgt} {dn}'] += rank_of(f, t) <= 10
    print(s, ' '.join(f'{k}={v/len(cases):.4f}' for k, v in sorted(hits.items())), flush=True)
    for k, v in hits.items():
        total[k] += v / len(cases) / len(seeds)
for k, v in sorted(total.items(), key=lambda x: -x[1]):
    print(f'{v:.4f} {k}')
