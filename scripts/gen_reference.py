#!/usr/bin/python3
"""Generate the activation core's reference fixtures from PyTorch (float64) and mpmath.

Run with Debian's python (torch 1.13, mpmath):   /usr/bin/python3 scripts/gen_reference.py
Writes test/fixtures/reference/{activations,vector,erf}.json (deterministic: fixed seed, no timestamps).

activations.json, per activation and parameter set ("case"):
  x      = common inputs ++ the case's extra inputs (its kinks and one ulp either side)
  y, dy  = torch float64 f(x) and autograd d/dx sum(f(x)) on torch's one-element (scalar) path
  y_vec, dy_vec   = {index: value} where torch's vectorised path (64 copies) gives something else
  y_true, dy_true = {index: value} the true value (mpmath, 60 digits, rounded to float64) wherever torch is
                    more than 1 ulp away from it; the true derivative at a kink follows torch 1.13's side.
vector.json: softmax / log_softmax / glu rows with torch outputs, forward-mode JVPs (tangent t) and VJPs
             (cotangent u), each with its mpmath truth ("nan" where undefined, null for rows with a NaN).
erf.json:    erf/erfc truth from mpmath.

Encoding: finite floats as JSON numbers (repr, so they round-trip; -0.0 stays -0.0), non-finite as the
strings "nan", "inf", "-inf". Float32 references are not stored: a float32 reference is the float64 one
rounded with Math.fround, for the inputs that are float32 values (most random inputs are, on purpose).
"""

import json
import math
import os
import random
import struct

import torch
import torch.autograd.forward_ad as fwAD
import torch.nn.functional as F
import mpmath
from mpmath import mp, mpf

torch.set_default_dtype(torch.float64)
mp.dps = 60
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "reference")

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
KAPPA = mpf(0.044715)


def enc(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def next_up(x):
    return math.nextafter(x, math.inf)


def next_down(x):
    return math.nextafter(x, -math.inf)


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


# ---------------------------------------------------------------- inputs
def common_inputs():
    rng = random.Random(20240613)
    xs = [0.0, -0.0, math.nan, math.inf, -math.inf]
    xs += [k / 4 for k in range(-40, 41) if k != 0]  # grid −10 … 10 step 0.25
    for m in [1e-8, 0.1, 1.0, 2.0, 20.0, 30.0, 37.0, 40.0, 88.0, 100.0, 710.0, 800.0, 1e4, 1e15, 1e30, 1e100, 1e152, 1.3e154,
              1e200, 1e308, 1.7976931348623157e308]:
        xs += [m, -m]
    for m in [5e-324, 1e-320, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-30, 1e-20, 1e-12]:
        xs += [m, -m]
    # random values of many magnitudes; float32-representable so float32 references can be derived
    for _ in range(120):
        xs.append(f32(rng.choice([-1.0, 1.0]) * 10 ** rng.uniform(-12, 3)))
    for _ in range(80):
        xs.append(f32(rng.uniform(-8, 8)))
    for _ in range(20):
        xs.append(rng.uniform(-40, 40))  # full float64 mantissas
    # full float64 values over the whole exponent range (log-uniform, subnormals to 1e308), around the ranges where
    # exp over- and underflows, and where the smooth activations bend; a separate generator keeps the values above
    rng2 = random.Random(20261123)
    for _ in range(150):
        xs.append(rng2.choice([-1.0, 1.0]) * 10 ** rng2.uniform(-323, 308))
    for _ in range(30):
        xs.append(rng2.choice([-1.0, 1.0]) * rng2.uniform(650, 760))
    for _ in range(20):
        xs.append(rng2.choice([-1.0, 1.0]) * rng2.uniform(4, 40))
    xs.append(0.7784081463765995)  # mish′ in plain float64 was 3 ulp off here
    return xs


def around(*points):
    out = []
    for p in points:
        out += [next_down(p), p, next_up(p)]
    return out


# ---------------------------------------------------------------- truth (mpmath), torch 1.13 sides at kinks
def sig(x):
    return 1 / (1 + mp.exp(-x))


def phi(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def Phi(x):
    if abs(x) > 1e5:  # mpmath's erfc overflows; the leading asymptotic term is far below float64 resolution
        tail = phi(x) / abs(x)
        return tail if x < 0 else 1 - tail
    return mp.erfc(-x / mp.sqrt(2)) / 2


def gelu_f(x):
    return x * Phi(x)


def gelu_df(x):
    return Phi(x) + x * phi(x)


def gelu_tanh_parts(x):
    beta = mp.sqrt(2 / mp.pi)
    u = beta * (x + KAPPA * x ** 3)
    return beta, u


def gelu_tanh_f(x):
    _, u = gelu_tanh_parts(x)
    return x * sig(2 * u)  # = x (1 + tanh u) / 2


def gelu_tanh_df(x):
    beta, u = gelu_tanh_parts(x)
    s = sig(2 * u)
    return s + x * 2 * s * (1 - s) * beta * (1 + 3 * KAPPA * x * x)


def softplus_f(beta, threshold):
    def f(x):
        if float(x) * beta > threshold:  # torch compares the float64 product
            return x
        return mp.log1p(mp.exp(beta * x)) / beta
    return f


def softplus_df(beta, threshold):
    def f(x):
        if float(x) * beta > threshold:
            return mpf(1)
        return sig(beta * x)
    return f


def mish_f(x):
    return x * mp.tanh(mp.log1p(mp.exp(x)))


def mish_df(x):
    t = mp.tanh(mp.log1p(mp.exp(x)))
    return t + x * sig(x) * (1 - t * t)


def tanhshrink_f(x):
    if x == 0:
        return mpf(0)
    digits = 60 + 2 * max(0, int(-mp.log10(abs(x))))  # x − tanh x cancels x² / 3 relative
    with mp.workdps(digits):
        return +(x - mp.tanh(x))


def leaky(s):
    return (lambda x: x if x > 0 else s * x), (lambda x: mpf(1) if x > 0 else mpf(s))


def clip_df(lo, hi):
    return lambda x: mpf(1) if lo < x < hi else mpf(0)


def hardswish_df(x):  # torch 1.13 scalar path: −0.5 at −3, 1.5 at 3
    if x < -3:
        return mpf(0)
    if x <= 3:
        return x / 3 + mpf(1) / 2
    return mpf(1)


def elu_parts(alpha, scale=1.0, input_scale=1.0):
    def f(x):
        return scale * x if x > 0 else alpha * scale * mp.expm1(x * input_scale)

    def df(x):
        return mpf(scale) if x > 0 else alpha * scale * input_scale * mp.exp(x * input_scale)
    return f, df


# ---------------------------------------------------------------- cases
def case(cid, params, torch_fn, f, df, extra=()):
    return dict(id=cid, params=params, torch_fn=torch_fn, f=f, df=df, extra=list(extra))


def build_cases():
    cs = []
    cs.append(case("relu", {}, F.relu, lambda x: x if x > 0 else mpf(0), lambda x: mpf(1 if x > 0 else 0), around(0.0)))
    cs.append(case("relu6", {}, F.relu6, lambda x: min(max(x, 0), 6), clip_df(0, 6), around(0.0, 6.0)))
    for s in [0.01, 0.2, 0.0]:
        f, df = leaky(s)
        params = {} if s == 0.01 else {"negative_slope": s}
        cs.append(case("leaky_relu", params, lambda t, s=s: F.leaky_relu(t, s), f, df, around(0.0)))
    for w in [0.25, -0.5]:
        f, df = leaky(w)
        params = {} if w == 0.25 else {"weight": w}
        cs.append(case("prelu", params, lambda t, w=w: F.prelu(t, torch.tensor([w])), f, df, around(0.0)))
    for lo, up in [(1 / 8, 1 / 3), (0.1, 0.3)]:
        f, df = leaky((lo + up) / 2)
        params = {} if lo == 1 / 8 else {"lower": lo, "upper": up}
        cs.append(case("rrelu", params, lambda t, lo=lo, up=up: F.rrelu(t, lo, up, training=False), f, df, around(0.0)))
    for a in [1.0, 0.5, 2.0]:
        f, df = elu_parts(a)
        cs.append(case("elu", {} if a == 1 else {"alpha": a}, lambda t, a=a: F.elu(t, a), f, df, around(0.0, -1e-17)))
    f, df = elu_parts(SELU_ALPHA, SELU_SCALE)
    cs.append(case("selu", {}, F.selu, f, df, around(0.0, -1e-17)))
    for a in [1.0, 2.0, 0.5]:
        f, df = elu_parts(a, 1.0, 1 / mpf(a))
        cs.append(case("celu", {} if a == 1 else {"alpha": a}, lambda t, a=a: F.celu(t, a), f, df, around(0.0)))
    gelu_roots = [-0.7517915246935645, -2.0, -5.0, -8.0]
    cs.append(case("gelu", {}, F.gelu, gelu_f, gelu_df, gelu_roots))
    cs.append(case("gelu", {"approximate": "tanh"}, lambda t: F.gelu(t, approximate="tanh"), gelu_tanh_f, gelu_tanh_df,
                   gelu_roots))
    cs.append(case("silu", {}, F.silu, lambda x: x * sig(x), lambda x: sig(x) * (1 + x * (1 - sig(x))),
                   [-1.2784645427610738]))
    cs.append(case("mish", {}, F.mish, mish_f, mish_df, [-1.1924312145154952]))
    for beta, th in [(1.0, 20.0), (2.0, 10.0), (0.5, 5.0)]:
        params = {} if beta == 1 else {"beta": beta, "threshold": th}
        cs.append(case("softplus", params, lambda t, b=beta, h=th: F.softplus(t, b, h), softplus_f(beta, th),
                       softplus_df(beta, th), around(th / beta)))
    cs.append(case("softsign", {}, F.softsign, lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2, around(0.0)))
    cs.append(case("sigmoid", {}, torch.sigmoid, sig, lambda x: sig(x) * sig(-x)))
    cs.append(case("logsigmoid", {}, F.logsigmoid, lambda x: -mp.log1p(mp.exp(-x)), lambda x: sig(-x)))
    cs.append(case("tanh", {}, torch.tanh, mp.tanh, lambda x: 1 / mp.cosh(x) ** 2))
    cs.append(case("tanhshrink", {}, F.tanhshrink, tanhshrink_f, lambda x: mp.tanh(x) ** 2, [0.5, 1.0, 1.5, 1.99, 2.0]))
    for lo, hi in [(-1.0, 1.0), (-2.0, 2.0), (0.0, 6.0)]:
        params = {} if lo == -1 else {"min_val": lo, "max_val": hi}
        cs.append(case("hardtanh", params, lambda t, lo=lo, hi=hi: F.hardtanh(t, lo, hi),
                       lambda x, lo=lo, hi=hi: min(max(x, lo), hi), clip_df(lo, hi), around(lo, hi)))
    cs.append(case("hardsigmoid", {}, F.hardsigmoid, lambda x: min(max((x + 3) / 6, 0), 1),
                   lambda x: mpf(1) / 6 if -3 < x < 3 else mpf(0), around(-3.0, 3.0)))
    cs.append(case("hardswish", {}, F.hardswish, lambda x: x * min(max(x + 3, 0), 6) / 6, hardswish_df,
                   around(-3.0, 3.0) + [-1.5]))
    for lam in [0.5, 1.0, 0.0]:
        params = {} if lam == 0.5 else {"lambd": lam}
        cs.append(case("softshrink", params, lambda t, l=lam: F.softshrink(t, l),
                       lambda x, l=lam: x - l if x > l else (x + l if x < -l else mpf(0)),
                       lambda x, l=lam: mpf(1) if (x > l or x < -l) else mpf(0), around(-lam, lam)))
        cs.append(case("hardshrink", params, lambda t, l=lam: F.hardshrink(t, l),
                       lambda x, l=lam: mpf(0) if -l <= x <= l else x,
                       lambda x, l=lam: mpf(0) if -l <= x <= l else mpf(1), around(-lam, lam)))
    for th, v in [(0.0, 0.0), (1.5, -2.0), (0.1, 20.0)]:
        params = {} if (th, v) == (0.0, 0.0) else {"threshold": th, "value": v}
        cs.append(case("threshold", params, lambda t, th=th, v=v: F.threshold(t, th, v),
                       lambda x, th=th, v=v: mpf(v) if x <= th else x, lambda x, th=th: mpf(0) if x <= th else mpf(1),
                       around(th)))
    cs.append(case("identity", {}, lambda t: t * 1.0, lambda x: x, lambda x: mpf(1)))
    return cs


# ---------------------------------------------------------------- torch evaluation
def torch_eval(fn, x, copies):
    t = torch.full((copies,), x, requires_grad=True)
    y = fn(t)
    y.sum().backward()
    return y[0].item(), t.grad[0].item()


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def far_from(truth, value):
    """True if float64 `value` is more than 1 ulp from the float64-rounded truth (or differs in kind)."""
    if math.isnan(value) or math.isinf(value) or math.isinf(truth):
        return not same(truth, value)
    return abs(value - truth) > math.ulp(truth)


def run_case(c, inputs):
    xs = inputs + c["extra"]
    y, dy, y_vec, dy_vec, y_true, dy_true = [], [], {}, {}, {}, {}
    for i, x in enumerate(xs):
        ys, ds = torch_eval(c["torch_fn"], x, 1)
        yv, dv = torch_eval(c["torch_fn"], x, 64)
        y.append(enc(ys))
        dy.append(enc(ds))
        if not same(ys, yv):
            y_vec[str(i)] = enc(yv)
        if not same(ds, dv):
            dy_vec[str(i)] = enc(dv)
        if math.isfinite(x):
            tf = float(c["f"](mpf(x)))
            td = float(c["df"](mpf(x)))
            if far_from(tf, ys):
                y_true[str(i)] = enc(tf)
            if far_from(td, ds):
                dy_true[str(i)] = enc(td)
    out = {"id": c["id"], "params": c["params"], "extra": [enc(v) for v in c["extra"]], "y": y, "dy": dy}
    for key, val in [("y_vec", y_vec), ("dy_vec", dy_vec), ("y_true", y_true), ("dy_true", dy_true)]:
        if val:
            out[key] = val
    return out


# ---------------------------------------------------------------- vector ops
def mp_logsumexp(row):
    m = max(row)
    return m + mp.log(sum(mp.exp(v - m) for v in row))


def vector_cases():
    rng = random.Random(7)
    rows = [
        ("random", [[rng.gauss(0, 1) for _ in range(6)] for _ in range(3)]),
        ("wide", [[rng.gauss(0, 30) for _ in range(8)] for _ in range(2)]),
        ("large offset", [[1e4 + rng.gauss(0, 2) for _ in range(4)], [-1e4 + rng.gauss(0, 2) for _ in range(4)]]),
        ("huge", [[1e300, -1e300, 5e299, 0.0]]),
        ("equal", [[3.5, 3.5, 3.5, 3.5]]),
        ("one hot-ish", [[50.0, 0.0, -50.0, 0.0]]),
        ("with -inf", [[1.0, -math.inf, 2.0, -math.inf]]),
        ("with +inf", [[1.0, math.inf, 2.0, 0.0]]),
        ("all -inf", [[-math.inf, -math.inf, -math.inf, -math.inf]]),
        ("with nan", [[1.0, math.nan, 2.0, 0.0]]),
        ("pair", [[0.25, -0.75]]),
    ]
    out = []
    for name, data in rows:
        x = torch.tensor(data)
        r, cols = x.shape
        t = torch.tensor([[rng.uniform(-1, 1) for _ in range(cols)] for _ in range(r)])
        for fid, fn in [("softmax", lambda z: F.softmax(z, -1)), ("log_softmax", lambda z: F.log_softmax(z, -1)),
                        ("glu", lambda z: F.glu(z, -1))]:
            if fid == "glu" and cols % 2:
                continue
            y = fn(x)
            with fwAD.dual_level():
                jvp = fwAD.unpack_dual(fn(fwAD.make_dual(x, t))).tangent
            u = torch.tensor([[rng.uniform(-1, 1) for _ in range(y.shape[1])] for _ in range(r)])
            xr = x.clone().requires_grad_(True)
            (vjp,) = torch.autograd.grad((fn(xr) * u).sum(), xr)
            truth, jvp_true, vjp_true = [], [], []
            for ri, row in enumerate(data):
                if any(math.isnan(v) for v in row) and fid != "glu":  # glu pairs are independent
                    truth.append([None] * y.shape[1])
                    jvp_true.append([None] * y.shape[1])
                    vjp_true.append([None] * cols)
                    continue
                mr = [mpf(v) for v in row]
                tr = [mpf(v) for v in t[ri].tolist()]
                ur = [mpf(v) for v in u[ri].tolist()]
                if fid == "glu":
                    h = len(row) // 2
                    ok = [not (math.isnan(row[j]) or math.isnan(row[h + j])) for j in range(h)]
                    sg = [sig(mr[h + j]) if ok[j] else None for j in range(h)]

                    def pair(j, value):
                        return enc(float(value())) if ok[j] else None
                    truth.append([pair(j, lambda j=j: mr[j] * sg[j]) for j in range(h)])
                    jvp_true.append([pair(j, lambda j=j: tr[j] * sg[j] + mr[j] * sg[j] * (1 - sg[j]) * tr[h + j])
                                     for j in range(h)])
                    vjp_true.append([pair(j, lambda j=j: ur[j] * sg[j]) for j in range(h)]
                                    + [pair(j, lambda j=j: ur[j] * mr[j] * sg[j] * (1 - sg[j])) for j in range(h)])
                else:
                    lse = mp_logsumexp(mr)
                    sm = [mp.exp(v - lse) for v in mr]
                    truth.append([enc(float(sm[j] if fid == "softmax" else mr[j] - lse)) for j in range(cols)])
                    dot_t = sum(a * b for a, b in zip(sm, tr))
                    if fid == "softmax":
                        dot_u = sum(a * b for a, b in zip(sm, ur))
                        jvp_true.append([enc(float(sm[j] * (tr[j] - dot_t))) for j in range(cols)])
                        vjp_true.append([enc(float(sm[j] * (ur[j] - dot_u))) for j in range(cols)])
                    else:
                        usum = sum(ur)
                        jvp_true.append([enc(float(tr[j] - dot_t)) for j in range(cols)])
                        vjp_true.append([enc(float(ur[j] - sm[j] * usum)) for j in range(cols)])
            out.append({
                "id": fid, "name": name, "rows": r,
                "x": [enc(v) for v in x.flatten().tolist()],
                "y": [enc(v) for v in y.flatten().tolist()],
                "y_true": [v for row in truth for v in row],
                "tangent": [enc(v) for v in t.flatten().tolist()],
                "jvp": [enc(v) for v in jvp.flatten().tolist()],
                "jvp_true": [v for row in jvp_true for v in row],
                "cotangent": [enc(v) for v in u.flatten().tolist()],
                "vjp": [enc(v) for v in vjp.flatten().tolist()],
                "vjp_true": [v for row in vjp_true for v in row],
            })
    return out


# ---------------------------------------------------------------- erf
def erf_cases():
    rng = random.Random(11)
    xs = [0.0, -0.0, 2 ** -1030, 1e-300, 2 ** -29, 2 ** -57, 0.25, 0.84375, 1.25, 2.857142857142857, 2.8571434020996094,
          6.0, 26.0, 27.0, 27.9, 28.0]
    xs += [-v for v in xs[2:]]
    xs += [rng.uniform(-6, 6) for _ in range(150)] + [rng.uniform(-28, 28) for _ in range(50)]
    xs += [rng.choice([-1, 1]) * 10 ** rng.uniform(-310, 0) for _ in range(50)]
    return {"x": [enc(x) for x in xs], "erf": [enc(float(mp.erf(mpf(x)))) for x in xs],
            "erfc": [enc(float(mp.erfc(mpf(x)))) for x in xs]}


def dump(name, obj):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w") as fh:
        json.dump(obj, fh, separators=(",", ":"))
        fh.write("\n")
    print(f"wrote {os.path.relpath(path)} ({os.path.getsize(path)} bytes)")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    meta = {"generator": "scripts/gen_reference.py", "torch": torch.__version__, "mpmath": mpmath.__version__,
            "encoding": "finite floats as numbers (-0.0 kept), non-finite as 'nan' / 'inf' / '-inf'"}
    inputs = common_inputs()
    cases = [run_case(c, inputs) for c in build_cases()]
    dump("activations.json", {**meta, "inputs": [enc(v) for v in inputs], "cases": cases})
    dump("vector.json", {**meta, "cases": vector_cases()})
    dump("erf.json", {**meta, **erf_cases()})


if __name__ == "__main__":
    main()
