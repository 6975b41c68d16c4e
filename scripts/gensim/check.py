"""Checks embrec's word2vec files with gensim (run by scripts/gensim-check.sh with /usr/bin/python3).

Usage: check.py DIR ID...   DIR holds model/vectors.bin, vectors.txt, expected.json and
similar-<n>.json (embrec `similar --json` for the n-th ID). Writes DIR/gensim.bin and
DIR/gensim.txt with gensim for the reverse check.
"""
import json
import sys

import numpy as np
import gensim
from gensim.models import KeyedVectors

d = sys.argv[1]
ids = sys.argv[2:]
expected = json.load(open(f"{d}/expected.json", encoding="utf-8"))
want_keys = expected["keys"]
want = np.array(expected["vector_bits"], dtype=np.uint32).view(np.float32)
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL:", msg)


print(f"gensim {gensim.__version__}, numpy {np.__version__}")
for name, binary in (("model/vectors.bin", True), ("vectors.txt", False)):
    kv = KeyedVectors.load_word2vec_format(f"{d}/{name}", binary=binary)
    if list(kv.index_to_key) != want_keys:
        fail(f"{name}: keys differ")
    elif not np.array_equal(kv.vectors.view(np.uint32), want.view(np.uint32)):
        fail(f"{name}: vectors differ from embrec's (bitwise)")
    else:
        print(f"gensim read embrec's {name}: {len(kv.index_to_key)} keys x {kv.vector_size} dims, bit-identical")
    for n, key in enumerate(ids):
        ours = json.load(open(f"{d}/similar-{n}.json", encoding="utf-8"))
        theirs = kv.most_similar(key, topn=len(ours["results"]))
        our_ids = [r["id"] for r in ours["results"]]
        their_ids = [k for k, _ in theirs]
        worst = max(abs(r["score"] - s) for r, (_, s) in zip(ours["results"], theirs))
        if our_ids != their_ids or worst > 1e-5:
            fail(f"{name}: most_similar({key!r}) = {their_ids}, embrec similar = {our_ids}, max score diff {worst:.2e}")
        else:
            print(f"  most_similar({key!r}, topn={len(their_ids)}) == embrec similar (max score diff {worst:.1e})")
    if binary:
        kv.save_word2vec_format(f"{d}/gensim.bin", binary=True)
        kv.save_word2vec_format(f"{d}/gensim.txt", binary=False)
        size = len(open(f"{d}/gensim.bin", "rb").read())
        records = sum(len(k.encode("utf-8")) + 1 + 4 * kv.vector_size for k in kv.index_to_key)
        header = len(f"{len(kv.index_to_key)} {kv.vector_size}\n")
        newline = "no" if size == header + records else "a"
        print(f"gensim wrote gensim.bin ({newline} newline after each vector) and gensim.txt")

sys.exit(1 if failures else 0)
