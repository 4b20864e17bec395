"""numpy baselines for `npm run bench` (tests/bench/numpy-cases.ts).

Usage: python3 numpy_baseline.py SPEC.json  — prints one JSON object: case name -> timings.

The bench writes each case's data (float64, little-endian, row-major) and a spec next to it; this
script loads it (untimed), then times only the computation, `runs` times after one untimed warm-up
run, and reports every run's milliseconds and a few numbers the bench compares with the engine's
(the top site, its score) to show both sides computed the same thing.

Each computation is what the engine computes, written as a numpy user would write it, vectorised:
- wsm / wpm / topsis: min-max normalisation over each column (benefit (x - min)/(max - min), cost
  (max - x)/(max - min), as (x - o)/d), then the weighted sum (as x . (w/d) - (w/d) . o, the
  engine's affine form, which spares numpy a normalised copy); the weighted product
  exp(sum w log max(r, 1e-9)); or TOPSIS with v = w r, the ideal and anti-ideal each column's max
  and min, Euclidean distances and closeness d- / (d+ + d-). The engine also returns competition
  ranks, so the timed work includes ranking the sites (a stable argsort and tie groups); the time
  without it is reported too.
- smaa (weights only, or with value ranges): per sample Dirichlet(kappa w) weights (gamma draws,
  normalised) and, with ranges, every ranged cell uniform in [low, high]; min-max normalisation over
  the sampled column; the weighted sum (x - o) / d . w as one batched matmul; ranks by argsort, a
  tie (equal scores) split evenly over the ranks it spans; rank counts per site. Samples are drawn
  in batches so every step is one numpy call over many samples.
"""

import json
import sys
import time

import numpy as np


def load(spec, key, shape):
    return np.fromfile(spec[key], dtype="<f8").reshape(shape)


def competition_ranks(scores):
    """Ranks 1 = best, equal scores share the best rank of their group (1, 2, 2, 4)."""
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    new_group = np.empty(s.size, dtype=bool)
    new_group[0] = True
    new_group[1:] = s[1:] != s[:-1]
    first = np.maximum.accumulate(np.where(new_group, np.arange(s.size), 0))
    ranks = np.empty(s.size, dtype=np.int64)
    ranks[order] = first + 1
    return ranks


def minmax_parts(x, cost):
    mn = x.min(axis=0)
    mx = x.max(axis=0)
    span = mx - mn
    o = np.where(cost, mx, mn)
    d = np.where(cost, -span, span)
    return o, d


def normalised(x, cost):
    o, d = minmax_parts(x, cost)
    r = x - o
    r /= d
    return r


def wsm(x, cost, w):
    # w . (x - o) / d as x . k - k . o with k = w / d: the affine form the engine uses too, which
    # saves numpy the normalised copy of the matrix.
    o, d = minmax_parts(x, cost)
    k = w / d
    return x @ k - k @ o


def wpm(x, cost, w):
    r = normalised(x, cost)
    np.maximum(r, 1e-9, out=r)
    np.log(r, out=r)
    return np.exp((r @ w) / w.sum())


def topsis(x, cost, w):
    v = normalised(x, cost)
    v *= w
    best = v.max(axis=0)
    worst = v.min(axis=0)
    dp = np.sqrt(np.square(v - best).sum(axis=1))
    dm = np.sqrt(np.square(v - worst).sum(axis=1))
    return dm / (dp + dm)


def smaa(x, low, high, cost, alpha, samples, seed, ranged, batch=100):
    n, m = x.shape
    rng = np.random.default_rng(seed)
    counts = np.zeros(n * n, dtype=np.float64)
    sites = np.arange(n)
    row_base = sites * n
    flat = x.ravel()
    if ranged:
        cells = np.flatnonzero(np.isfinite(low.ravel()) & np.isfinite(high.ravel()) & (high.ravel() > low.ravel()))
        lo = low.ravel()[cells]
        span = high.ravel()[cells] - lo
        fixed = flat.copy()
        sampled = np.empty((batch, n * m))
        u = np.empty((batch, cells.size))
    else:
        o, d = minmax_parts(x, cost)
        r = (x - o) / d
    for b0 in range(0, samples, batch):
        bs = min(batch, samples - b0)
        w = rng.gamma(alpha, size=(bs, m))
        w /= w.sum(axis=1, keepdims=True)
        if ranged:
            xs = sampled[:bs]
            xs[:] = fixed
            draws = u[:bs]
            rng.random(out=draws)
            draws *= span
            draws += lo
            xs[:, cells] = draws
            x3 = xs.reshape(bs, n, m)
            mn = x3.min(axis=1)
            mx = x3.max(axis=1)
            o = np.where(cost, mx, mn)
            d = np.where(cost, mn - mx, mx - mn)
            k = w / d
            s = np.matmul(x3, k[:, :, None])[:, :, 0] - (k * o).sum(axis=1)[:, None]
        else:
            s = (r @ w.T).T
        order = np.argsort(-s, axis=1)
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.broadcast_to(sites, order.shape), axis=1)
        ss = np.take_along_axis(s, order, axis=1)
        tied = ss[:, 1:] == ss[:, :-1]
        if tied.any():
            # A tie splits its ranks evenly: handled per affected sample (rare with continuous data).
            for t in np.flatnonzero(tied.any(axis=1)):
                rk = competition_ranks(s[t])
                for g_rank in np.unique(rk):
                    members = np.flatnonzero(rk == g_rank)
                    g = members.size
                    if g == 1:
                        counts[members[0] * n + g_rank - 1] += 1
                    else:
                        for i in members:
                            counts[i * n + g_rank - 1 : i * n + g_rank - 1 + g] += 1.0 / g
            ranks = np.delete(ranks, np.flatnonzero(tied.any(axis=1)), axis=0)
        counts += np.bincount((row_base + ranks).ravel(), minlength=n * n)
    return counts.reshape(n, n) / samples


def main():
    spec = json.load(open(sys.argv[1]))
    out = {}
    for case in spec["cases"]:
        name = case["name"]
        shape = (case["sites"], case["criteria"])
        x = load(case, "values", shape)
        cost = np.array(case["cost"], dtype=bool)
        runs = case["runs"]
        times = []
        times_plain = []
        check = {}
        if case["kind"] in ("wsm", "wpm", "topsis"):
            w = np.array(case["weights"], dtype=np.float64)
            w = w / w.sum()
            f = {"wsm": wsm, "wpm": wpm, "topsis": topsis}[case["kind"]]
            competition_ranks(f(x, cost, w))  # warm-up
            for _ in range(runs):
                t = time.perf_counter()
                scores = f(x, cost, w)
                t_plain = time.perf_counter()
                ranks = competition_ranks(scores)
                t_end = time.perf_counter()
                times.append((t_end - t) * 1000)
                times_plain.append((t_plain - t) * 1000)
            top = int(np.flatnonzero(ranks == 1)[0])
            check = {"top": top, "topScore": float(scores[top])}
        else:
            low = load(case, "low", shape)
            high = load(case, "high", shape)
            alpha = np.array(case["alpha"], dtype=np.float64)
            args = (x, low, high, cost, alpha, case["samples"], case["seed"], case["ranged"])
            smaa(x, low, high, cost, alpha, max(100, case["samples"] // 20), case["seed"], case["ranged"])  # warm-up
            for _ in range(runs):
                t = time.perf_counter()
                p = smaa(*args)
                times.append((time.perf_counter() - t) * 1000)
            first = p[:, 0]
            top = int(np.argmax(first))
            check = {"top": top, "pFirst": float(first[top])}
        out[name] = {"ms": times, "plainMs": times_plain, "check": check}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
