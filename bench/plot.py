"""A dependency-free log-log SVG line plot of the W2 chunk-size sweep."""
import math
import re


def chunk_curve(results, path):
    series = {}
    for r in results:
        m = re.match(r"w02_randint_sum_c(\d+)$", r["key"])
        if not m:
            continue
        for engine in ("tessera", "python"):
            med = r.get(engine, {}).get("median")
            if med:
                series.setdefault(engine, []).append((int(m.group(1)), med))
    if not series:
        return
    pts = [p for s in series.values() for p in s]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1 = math.log10(min(xs)) - 0.1, math.log10(max(xs)) + 0.1
    y0, y1 = math.log10(min(ys)) - 0.2, math.log10(max(ys)) + 0.2
    W, H, L, B = 560, 360, 70, 50

    def px(x):
        return L + (math.log10(x) - x0) / (x1 - x0) * (W - L - 20)

    def py(y):
        return H - B - (math.log10(y) - y0) / (y1 - y0) * (H - B - 30)

    colours = {"tessera": "#2c5aa0", "python": "#d9822b"}
    labels = {"tessera": "Tessera", "python": "Dask"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="18" text-anchor="middle" font-size="14">W2: randint 500³ sum — time vs chunk size (log-log)</text>',
           f'<line x1="{L}" y1="{H - B}" x2="{W - 20}" y2="{H - B}" stroke="black"/>',
           f'<line x1="{L}" y1="30" x2="{L}" y2="{H - B}" stroke="black"/>']
    for c in sorted(set(xs)):
        out.append(f'<text x="{px(c):.1f}" y="{H - B + 16}" text-anchor="middle">{c}</text>')
    for e in range(math.floor(y0), math.ceil(y1) + 1):
        for m in (1, 2, 5):
            v = m * 10.0 ** e
            if y0 <= math.log10(v) <= y1:
                label = f"{v:g} s" if v >= 1 else f"{v * 1e3:g} ms"
                out.append(f'<line x1="{L - 4}" y1="{py(v):.1f}" x2="{W - 20}" y2="{py(v):.1f}" stroke="#eee"/>')
                out.append(f'<text x="{L - 6}" y="{py(v) + 4:.1f}" text-anchor="end">{label}</text>')
    out.append(f'<text x="{W / 2}" y="{H - 10}" text-anchor="middle">chunk size (elements per axis)</text>')
    for i, (engine, s) in enumerate(sorted(series.items())):
        s = sorted(s)
        d = " ".join(f"{'M' if j == 0 else 'L'}{px(x):.1f},{py(y):.1f}" for j, (x, y) in enumerate(s))
        col = colours.get(engine, "black")
        out.append(f'<path d="{d}" fill="none" stroke="{col}" stroke-width="2"/>')
        out += [f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{col}"/>' for x, y in s]
        out.append(f'<text x="{W - 120}" y="{50 + 16 * i}" fill="{col}">■ {labels.get(engine, engine)}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")
