"""Make the data sets that the notebooks read, under data/ (git-ignored).

In a notebook:   %run prep.py -d random
From a shell:    python prep.py -d random      (with NumPy installed)

Data sets (-d NAME, repeatable; without -d, all of them):

  random     data/random.npy: ten million uniform random float64 values
             (80 MB), for 03-blocked-algorithms
  sightings  data/sightings/day-NN.tsv: a month of bird sightings, one
             tab-separated record per line, for 06-bags

A data set that is already on disk is kept as it is, so running this again
costs nothing. Both come from fixed seeds, so every run writes the same
numbers. (Tessera's random generators are not CPython's, so the files that
`python prep.py` writes hold different numbers than the notebooks show.)
"""
import os
import random
import sys

import numpy as np

RANDOM_SIZE = 10_000_000

SITES = ['Falsterbo', 'Hornborga', 'Kvismaren', 'Ottenby', 'Tåkern']
# Common species appear more than once, so random.choice draws them more often.
SPECIES = ['crane', 'crane', 'crane', 'greylag goose', 'greylag goose',
           'whooper swan', 'grey heron', 'grey heron', 'white-tailed eagle',
           'osprey', 'red kite', 'red kite', 'bittern']
OBSERVERS = ['ak', 'bm', 'cl', 'dn', 'es', 'fo']


def make_random():
    path = os.path.join('data', 'random.npy')
    if not os.path.exists(path):
        np.random.seed(2020)
        np.save(path, np.random.random(RANDOM_SIZE))
    print(f'{path}: {RANDOM_SIZE:,} float64 values ({RANDOM_SIZE * 8 / 1e6:.0f} MB)')


def make_sightings(days=30, per_day=400):
    folder = os.path.join('data', 'sightings')
    os.makedirs(folder, exist_ok=True)
    random.seed(1999)
    for day in range(1, days + 1):
        path = os.path.join(folder, 'day-%02d.tsv' % day)
        lines = []
        for _ in range(per_day):
            site = random.choice(SITES)
            species = random.choice(SPECIES)
            count = random.randint(1, 12)
            if species == 'crane' and site == 'Hornborga':
                count = count * random.randint(10, 40)  # the cranes' dancing lake
            lines.append('%d\t%s\t%s\t%d\t%s\n' % (day, site, species, count, random.choice(OBSERVERS)))
        if not os.path.exists(path):
            with open(path, 'w') as f:
                for line in lines:
                    f.write(line)
    print(f'{folder}: {days} files, {days * per_day:,} records')


MAKERS = {'random': make_random, 'sightings': make_sightings}


def main(argv):
    names = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == '-d']
    for name in names or sorted(MAKERS):
        if name not in MAKERS:
            raise SystemExit(f'unknown data set {name!r}; choose from {sorted(MAKERS)}')
        os.makedirs('data', exist_ok=True)
        MAKERS[name]()


if __name__ == '__main__':
    main(sys.argv[1:])
