#!/usr/bin/env python3
"""Writes the fixture data/artists (artists.tsv, plays.tsv) with planted structure: 72 artists in
6 countries (12 each, tags drawn from the country's styles), 300 users who play mostly (85%)
artists of one home country, Zipf-like within it. Ids are artist names with spaces and non-ASCII
letters. Same seed, same bytes: python3 scripts/artists-fixture.py data/artists"""
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "data/artists"
r = random.Random(22)
countries = {'DE': ['Kraut', 'Die', 'Der Blaue', 'Stadt'], 'FR': ['Café', 'Les', 'Élan', 'Rue'],
             'IS': ['Sigur', 'Ólafur', 'Hljóm', 'Fjörður'], 'JP': ['東京', 'Kyoto', 'さくら', 'Neo'],
             'US': ['The', 'Big', 'Lone', 'Motor'], 'BR': ['São', 'Bossa', 'Rio', 'Maré']}
tagsets = {'DE': ['electronic', 'krautrock', 'techno'], 'FR': ['chanson', 'french pop', 'electronic'],
           'IS': ['post-rock', 'ambient', 'indie'], 'JP': ['j-pop', 'city pop', 'electronic'],
           'US': ['rock', 'indie', 'hip hop'], 'BR': ['bossa nova', 'mpb', 'samba']}
nouns = ['Foxes', 'Wellen', 'Nuit', 'Ljós', 'Kaze', 'Riders', 'Lua', 'Garten', 'Soleil', 'Vindur', 'Hoshi',
         'Canyon', 'Mar', 'Lichter']
artists = []
seen = set()
for c in countries:
    for i in range(12):
        while True:
            name = f"{r.choice(countries[c])} {r.choice(nouns)}"
            if name not in seen:
                break
        seen.add(name)
        artists.append((name, c, r.sample(tagsets[c], 2), r.randint(1000, 900000)))
with open(f"{out}/artists.tsv", "w") as f:
    f.write('id\tname\tcountry\ttags\tlisteners\tbio\n')
    for i, (name, c, tags, listeners) in enumerate(artists):
        bio = f'A {" and ".join(tags)} act from {c}; "{name}" since {1970 + i % 50}.'
        f.write(f'{name}\t{name}\t{c}\t{";".join(tags)}\t{listeners}\t{bio}\n')
by = {}
for a in artists:
    by.setdefault(a[1], []).append(a[0])
rows = []
for u in range(1, 301):
    home = r.choice(list(countries))
    n = r.randint(8, 30)
    t = 1_500_000_000 + r.randint(0, 10**7)
    for k in range(n):
        c = home if r.random() < 0.85 else r.choice(list(countries))
        lst = by[c]
        artist = lst[min(int(r.expovariate(0.35)), len(lst) - 1)]
        t += r.randint(60, 86400)
        rows.append((f'u{u}', artist, t))
with open(f"{out}/plays.tsv", "w") as f:
    f.write('user\tartist\ttime\n')
    for u, a, t in rows:
        f.write(f'{u}\t{a}\t{t}\n')
