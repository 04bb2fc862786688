import random
import dask.bag as db
random.seed(7)
ok = 0
for trial in range(20):
    n = random.randint(0, 300)
    seq = [random.randint(-50, 50) for _ in range(n)]
    npart = random.randint(1, 12)
    b = db.from_sequence(seq, npartitions=npart)
    f = lambda x: x * 3 - 1
    assert b.map(f).compute() == list(map(f, seq))
    assert b.filter(lambda x: x > 0).compute() == [x for x in seq if x > 0]
    assert b.sum().compute() == sum(seq)
    assert b.count().compute() == len(seq)
    assert list(b) == seq
    assert b.any().compute() == any(seq) and b.all().compute() == all(seq)
    if seq:
        assert b.min().compute() == min(seq)
        assert b.max().compute() == max(seq)
        assert b.mean().compute() == sum(seq) / len(seq)
    assert sorted(b.distinct().compute()) == sorted(set(seq))
    assert dict(b.frequencies().compute()) == {k: seq.count(k) for k in set(seq)}
    assert b.topk(5).compute() == sorted(seq, reverse=True)[:5]
    assert b.fold(lambda a, x: a + x * x, lambda a, c: a + c, initial=0).compute() == sum(x * x for x in seq)
    pairs = db.from_sequence([(x, x % 7) for x in seq], npartitions=npart)
    assert pairs.pluck(1).compute() == [x % 7 for x in seq]
    assert pairs.starmap(lambda a, c: a - c).compute() == [x - x % 7 for x in seq]
    ok += 1
print(ok)
# Expected:
# 20
