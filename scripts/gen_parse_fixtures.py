#!/usr/bin/python3
"""Fixtures for src/core/parse (parseNumbers): texts REALLY printed by numpy and torch, with the values
they print, computed here from the arrays themselves (exact: no text is parsed to get them).

Run with Debian's python: /usr/bin/python3 scripts/gen_parse_fixtures.py
Writes test/fixtures/parse/fixtures.json: a list of
  {name, text, format, shape, values, dtype?, options?, columnLabels?, gaps?, fullShape?, warnings?, source}
Values: JSON numbers (Python's repr, so they read back exactly), or "nan", "inf", "-inf", "-0".

Expected values of a print are the decimals the tool shows, as doubles:
- numpy: each element as numpy's dragon4 writes it in the array's mode (positional or scientific,
  `precision` from np.get_printoptions(), unique=True) — the same routine array2string uses;
- torch: '{:.4f}' / '{:.4e}' of the element (torch's _Formatter), or the integer in int mode.
The script checks every expected decimal string occurs in the printed text.

TensorFlow and JAX are not installable here. Their fixtures are composed from their documented
print templates around numpy's real str/repr (TF: `tf.Tensor(%s, shape=%s, dtype=%s)` with a newline
before multi-line values, and `<tf.Tensor: shape=%s, dtype=%s, numpy=%s>`; JAX: `Array(%s, dtype=%s)`
with np.array2string(..., prefix='Array(', separator=', ')). Julia and MATLAB fixtures are written by
hand from their documented display formats (no Julia or MATLAB here). Each says so in `source`.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch._tensor_str as tts

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "parse", "fixtures.json")
fixtures = []


def enc(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == 0 and math.copysign(1, v) < 0:
        return "-0"
    return v


def add(name, text, fmt, shape, values, source, **extra):
    f = {"name": name, "text": text, "format": fmt, "shape": list(shape), "values": [enc(v) for v in values], "source": source}
    f.update({k: v for k, v in extra.items() if v is not None})
    fixtures.append(f)


# ---------------------------------------------------------------- printed decimals
def np_printed(arr, text):
    """Doubles of the decimals numpy prints for each element of `arr` (float/int/bool), checked in `text`."""
    flat = arr.reshape(-1)
    if arr.dtype == np.bool_:
        return [1.0 if x else 0.0 for x in flat]
    if np.issubdtype(arr.dtype, np.integer):
        for x in flat[:50]:
            assert str(int(x)) in text, (x, text)
        return [float(int(x)) for x in flat]
    prec = np.get_printoptions()["precision"]
    sci = ("e+" in text) or ("e-" in text)
    out = []
    for x in flat:
        if not np.isfinite(x):
            out.append(float(x))
            continue
        if sci:
            s = np.format_float_scientific(x, precision=prec, unique=True, trim=".")
        else:
            s = np.format_float_positional(x, precision=prec, unique=True, fractional=True, trim=".")
        out.append(float(s))
    return out


def torch_printed(t, text):
    flat = t.reshape(-1)
    if t.dtype == torch.bool:
        return [1.0 if bool(x) else 0.0 for x in flat]
    if not t.dtype.is_floating_point:
        return [float(int(x)) for x in flat]
    vals = [float(x) for x in flat.double()]
    finite = [v for v in vals if math.isfinite(v)]
    int_mode = all(v == math.floor(v) for v in finite)
    sci = ("e+" in text) or ("e-" in text)
    out = []
    for v in vals:
        if not math.isfinite(v):
            out.append(v)
        elif sci:
            s = "{:.4e}".format(v)
            assert s in text, (s, text)
            out.append(float(s))
        elif int_mode:
            out.append(float("{:.0f}".format(v)))
        else:
            s = "{:.4f}".format(v)
            assert s in text, (s, text)
            out.append(float(s))
    return out


def compact(arr, edge=3):
    """numpy/torch summarised layout: along each axis longer than 2*edge, keep edge items each side and
    one NaN slot between. Returns (values, shape, gaps)."""
    a = np.asarray(arr, dtype=np.float64)
    idx, shape, gaps = [], [], []
    for ax, n in enumerate(a.shape):
        if n > 2 * edge:
            idx.append(list(range(edge)) + [-1] + list(range(n - edge, n)))
            gaps.append({"axis": ax, "start": edge, "length": 1})  # missing: unknown (omitted)
            shape.append(2 * edge + 1)
        else:
            idx.append(list(range(n)))
            shape.append(n)
    out = np.full(shape, np.nan)
    for pos in np.ndindex(*shape):
        src = tuple(idx[ax][p] for ax, p in enumerate(pos))
        if all(s >= 0 for s in src):
            out[pos] = a[src]
    return out.reshape(-1).tolist(), shape, gaps


# ---------------------------------------------------------------- JSON and Python
rng = np.random.default_rng(20240601)

vals = [[1.5, -2.0, 3.25e-05], [0.1, 1e21, -0.0]]
add("json 2-D", json.dumps(vals), "json", (2, 3), sum(vals, []), "json.dumps")
add("json 1-D ints", json.dumps([1, 2, -3, 4]), "json", (4,), [1, 2, -3, 4], "json.dumps")
add("json compact", json.dumps([[1, 2], [3, 4]], separators=(",", ":")), "json", (2, 2), [1, 2, 3, 4], "json.dumps(separators)")
x = [float(v) for v in rng.standard_normal(12)]
add("json random doubles (17 digits)", json.dumps([x[:6], x[6:]]), "json", (2, 6), x, "json.dumps")
sp = [float("nan"), float("inf"), -float("inf"), 1.0]
add("json nan/inf (Python writes NaN, Infinity)", json.dumps(sp), "json", (4,), sp, "json.dumps")
add("json 3-D", json.dumps(np.arange(24).reshape(2, 3, 4).tolist()), "json", (2, 3, 4), range(24), "json.dumps")
add("json scalar", json.dumps(2.5), "scalar", (), [2.5], "json.dumps")
add("json empty", json.dumps([]), "json", (0,), [], "json.dumps")
add("json empty rows", json.dumps([[], []]), "json", (2, 0), [], "json.dumps")
add("python list", repr([[1.0, float("nan")], [float("inf"), -float("inf")]]), "python-list", (2, 2), [1.0, float("nan"), float("inf"), -float("inf")], "repr(list)")
add("python tuples", repr(((1, 2), (3, 4))), "python-list", (2, 2), [1, 2, 3, 4], "repr(tuple)")
add("python list of tuples", repr([(0.5, 1e-07), (2.0, 1e16)]), "python-list", (2, 2), [0.5, 1e-07, 2.0, 1e16], "repr(list)")
add("python bools", repr([True, False, True]), "python-list", (3,), [1, 0, 1], "repr(list)")
add("python tolist float32 (valid JSON, so read as json)", repr(np.array([0.1, 0.2], dtype=np.float32).tolist()), "json", (2,),
    [float(v) for v in np.array([0.1, 0.2], dtype=np.float32)], "repr(ndarray.tolist())")
add("python scalar", repr(-0.0), "scalar", (), [-0.0], "repr(float)")
add("python scalar exponent", repr(1.5e-300), "scalar", (), [1.5e-300], "repr(float)")
add("unicode minus", "[\u22121.5, 2.0, \u22120.25]", "python-list", (3,), [-1.5, 2.0, -0.25], "hand-written: U+2212 minus as typeset")
add("python list of 0-d tensors", repr([torch.tensor(0.25), torch.tensor(-1.5)]), "python-list", (2,), [0.25, -1.5], "repr(list of torch 0-d tensors)")

# ---------------------------------------------------------------- numpy repr / str
def np_case(name, arr, with_str=True, dtype_name=None, reprint=None):
    """`reprint`: formatNumbers must write these values back exactly as numpy printed them (wrapping included)."""
    r = repr(arr)
    dn = dtype_name or str(arr.dtype)
    add(f"numpy repr {name}", r, "numpy-repr", arr.shape, np_printed(arr, r), "repr(ndarray)", dtype=dn, reprint=reprint)
    if with_str:
        s = str(arr)
        fmt = "scalar" if arr.ndim == 0 else ("numpy-str" if arr.size > 1 else "json")
        if arr.ndim > 0 and arr.size == 1:
            fmt = None
        if fmt:
            add(f"numpy str {name}", s, fmt, arr.shape, np_printed(arr, s), "str(ndarray)", reprint=reprint)


np_case("2-D float32", np.array([[1.0, -0.25], [3.0, 4.0]], dtype=np.float32))
np_case("1-D float64", np.array([0.5, -1.25, 3.0, 1e-3]), reprint=True)
np_case("int64", np.arange(-3, 5))
np_case("uint8 2-D", np.ones((2, 3), dtype=np.uint8))
np_case("bool", np.array([True, False, True]))
np_case("0-d", np.array(0.5))
np_case("0-d float32", np.array(-2.5, dtype=np.float32))
np_case("3-D", np.arange(24.0).reshape(2, 3, 4))
np_case("5-D", np.arange(8.0).reshape(1, 2, 1, 2, 2))
np_case("scientific", np.array([1e-5, 1e5]), reprint=True)
np_case("scientific float32 2-D", np.array([[1e-5, 2.5e3], [-7.25e-2, 1.0]], dtype=np.float32), reprint=True)
np_case("float16", np.array([1e-3, 0.5, 65504.0, -2.0], dtype=np.float16), reprint=True)
np_case("nan inf -0", np.array([np.nan, np.inf, -np.inf, -0.0]))
np_case("random float32", rng.standard_normal((3, 4)).astype(np.float32))
np_case("random float64", rng.standard_normal((2, 3)))
np_case("line-wrapped long rows", np.arange(40.0).reshape(2, 20) * 1.37, reprint=True)
np_case("line-wrapped 1-D", np.linspace(-1, 1, 30, dtype=np.float32), reprint=True)
np_case("int64 wide", np.array([2**40, -3, 7]))
big = np.array([2**60 + 1, 3])
add("numpy repr int64 beyond 2^53", repr(big), "numpy-repr", (2,), [float(2**60 + 1), 3.0], "repr(ndarray)", dtype="int64",
    warnings=["integers beyond 2^53 are rounded to the nearest float64"])
add("numpy repr empty", repr(np.zeros((0,))), "numpy-repr", (0,), [], "repr(ndarray)", dtype="float64")
add("numpy repr empty 2-D", repr(np.zeros((0, 3))), "numpy-repr", (0, 3), [], "repr(ndarray)", dtype="float64")
with np.printoptions(precision=17):
    a = rng.standard_normal(5)
    r = repr(a)
    add("numpy repr precision=17 (exact doubles)", r, "numpy-repr", (5,), np_printed(a, r), "repr(ndarray) with np.printoptions(precision=17)", dtype="float64")
    assert np_printed(a, r) == [float(v) for v in a]

# summarised prints
s_int = np.arange(3000)
r = repr(s_int)
v, shp, gaps = compact(s_int)
add("numpy repr summarised 1-D", r, "numpy-repr", shp, v, "repr(ndarray)", dtype="int64", options={"allowSummarized": True}, gaps=gaps)
s2 = np.arange(2000).reshape(40, 50)
v, shp, gaps = compact(s2)
add("numpy repr summarised 2-D", repr(s2), "numpy-repr", shp, v, "repr(ndarray)", dtype="int64", options={"allowSummarized": True}, gaps=gaps)
add("numpy str summarised 2-D", str(s2 * 0.5), "numpy-str", shp, [x * 0.5 for x in v], "str(ndarray)", options={"allowSummarized": True}, gaps=gaps)
s3 = np.arange(8000).reshape(20, 20, 20)
v, shp, gaps = compact(s3)
add("numpy repr summarised 3-D", repr(s3), "numpy-repr", shp, v, "repr(ndarray)", dtype="int64", options={"allowSummarized": True}, gaps=gaps)
add("numpy str summarised 3-D", str(s3), "numpy-str", shp, v, "str(ndarray)", options={"allowSummarized": True}, gaps=gaps)
s4 = np.arange(3000).reshape(1000, 3)
v, shp, gaps = compact(s4)
add("numpy repr summarised rows only", repr(s4), "numpy-repr", shp, v, "repr(ndarray)", dtype="int64", options={"allowSummarized": True}, gaps=gaps)

# ---------------------------------------------------------------- torch repr
def t_case(name, t, text=None, dtype_name=None, **extra):
    r = text if text is not None else repr(t)
    add(f"torch {name}", r, "torch-repr", tuple(t.shape), torch_printed(t.detach(), r), "repr(torch.Tensor)" if text is None else extra.pop("source"),
        dtype=dtype_name or str(t.dtype).replace("torch.", ""), **extra)


t_case("2-D", torch.tensor([[1.0, -0.25], [3.0, 4.0]]))
t_case("int mode", torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
t_case("0-d", torch.tensor(0.5))
t_case("0-d random", torch.tensor(0.123456789))
t_case("scientific", torch.tensor([1e-5, 1e5]))
t_case("scientific float64", torch.tensor([1e-5, 1.0, 1e5], dtype=torch.float64))
t_case("bool", torch.tensor([True, False]))
t_case("int64", torch.tensor([1, -2, 3]))
t_case("int32", torch.tensor([1, 2], dtype=torch.int32))
t_case("float16", torch.tensor([1.0, 2.5], dtype=torch.float16))
t_case("bfloat16", torch.tensor([1.5, 2.5], dtype=torch.bfloat16))
t_case("nan inf -0", torch.tensor([float("nan"), float("inf"), -float("inf"), -0.0]))
t_case("3-D", torch.arange(24.0).reshape(2, 3, 4))
t_case("random", torch.from_numpy(rng.standard_normal((3, 5)).astype(np.float32)))
t_case("line-wrapped", torch.arange(40.0).reshape(2, 20) * 1.37)
p = torch.nn.Parameter(torch.tensor([[0.5, -1.0], [2.0, 0.25]]))
t_case("Parameter containing", p, attributes={"requires_grad": "True", "parameter": "True"})
x = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
y = torch.relu(x)
t_case("grad_fn", y, attributes={"grad_fn": "<ReluBackward0>"})
t_case("requires_grad", x, attributes={"requires_grad": "True"})
# torch's own suffix code, with a CUDA device (no GPU here): torch._tensor_str._add_suffixes
th = torch.tensor([[0.5, -1.0], [2.0, 0.25]], dtype=torch.float16)
body = tts._tensor_str(th, 7)
cuda_text = "tensor(" + tts._add_suffixes(body, ["device='cuda:0'", "dtype=torch.float16", "requires_grad=True"], 7, False)
t_case("device cuda (suffixes by torch's _add_suffixes)", th, text=cuda_text, source="torch._tensor_str._tensor_str + _add_suffixes (CUDA device string: no GPU here)",
       attributes={"device": "'cuda:0'", "dtype": "torch.float16", "requires_grad": "True"})
t_case("empty 2-D", torch.zeros(0, 3), attributes={"size": "(0, 3)"})
ts = torch.arange(3000)
v, shp, gaps = compact(ts.numpy())
add("torch summarised 1-D", repr(ts), "torch-repr", shp, v, "repr(torch.Tensor)", dtype="int64", options={"allowSummarized": True}, gaps=gaps)
ts2 = torch.arange(2000.0).reshape(40, 50)
r = repr(ts2)
v, shp, gaps = compact(ts2.numpy())
add("torch summarised 2-D scientific", r, "torch-repr", shp, v, "repr(torch.Tensor)", dtype="float32", options={"allowSummarized": True}, gaps=gaps)
ts3 = torch.arange(8000.0).reshape(20, 20, 20)
v, shp, gaps = compact(ts3.numpy())
add("torch summarised 3-D", repr(ts3), "torch-repr", shp, v, "repr(torch.Tensor)", dtype="float32", options={"allowSummarized": True}, gaps=gaps)

# ---------------------------------------------------------------- TensorFlow (composed, see module doc)
def tf_str(arr, dtype):
    s = str(arr)
    return "tf.Tensor(%s, shape=%s, dtype=%s)" % (("\n" + s) if "\n" in s else s, str(tuple(arr.shape)), dtype)


def tf_repr(arr, dtype):
    s = repr(arr) if arr.ndim > 0 else repr(arr[()])
    return "<tf.Tensor: shape=%s, dtype=%s, numpy=%s>" % (str(tuple(arr.shape)), dtype, ("\n" + s) if "\n" in s else s)


TF_SRC = "composed from TF's documented print template around numpy's real str/repr (TF not installed)"
a = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
add("tf print 2-D", tf_str(a, "float32"), "tf-tensor", (2, 2), [1, 2, 3, 4], TF_SRC, dtype="float32")
add("tf repr 2-D", tf_repr(a, "float32"), "tf-eager-repr", (2, 2), [1, 2, 3, 4], TF_SRC, dtype="float32")
b = np.array([0.5, -1.5, 2.0], dtype=np.float32)
add("tf print 1-D", tf_str(b, "float32"), "tf-tensor", (3,), [0.5, -1.5, 2.0], TF_SRC, dtype="float32")
add("tf repr 1-D", tf_repr(b, "float32"), "tf-eager-repr", (3,), [0.5, -1.5, 2.0], TF_SRC, dtype="float32")
c = np.array(1.0, dtype=np.float32)
add("tf print scalar", tf_str(c, "float32"), "tf-tensor", (), [1.0], TF_SRC, dtype="float32")
add("tf repr scalar", tf_repr(c, "float32"), "tf-eager-repr", (), [1.0], TF_SRC, dtype="float32")
d = np.array([True, False])
add("tf print bool", tf_str(d, "bool"), "tf-tensor", (2,), [1, 0], TF_SRC, dtype="bool")
e = np.arange(12, dtype=np.int32).reshape(2, 3, 2)
add("tf repr int32 3-D", tf_repr(e, "int32"), "tf-eager-repr", (2, 3, 2), range(12), TF_SRC, dtype="int32")
add("tf variable repr", "<tf.Variable 'Variable:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>", "tf-eager-repr",
    (2,), [1, 2], "hand-written from TF's documented tf.Variable repr", dtype="float32", attributes={"name": "'Variable:0'", "shape": "(2,)", "dtype": "float32"})
f = np.arange(1200, dtype=np.int32)  # numpy summarises above 1000 elements
full = [float(x) for x in f]
for k in range(3, 1197):
    full[k] = float("nan")
add("tf print summarised (full shape known)", tf_str(f, "int32"), "tf-tensor", (1200,), full, TF_SRC, dtype="int32",
    options={"allowSummarized": True}, gaps=[{"axis": 0, "start": 3, "length": 1194, "missing": 1194}], fullShape=[1200])

# ---------------------------------------------------------------- JAX (composed, see module doc)
JAX_SRC = "composed from JAX's Array repr template around numpy's array2string (JAX not installed)"
def jax_repr(arr, weak=False):
    s = np.array2string(arr, prefix="Array(", separator=", ")
    return "Array(%s, dtype=%s%s)" % (s, arr.dtype.name, ", weak_type=True" if weak else "")


add("jax 2-D", jax_repr(a), "jax-array", (2, 2), [1, 2, 3, 4], JAX_SRC, dtype="float32")
add("jax 1-D int32", jax_repr(np.array([1, 2, 3], dtype=np.int32)), "jax-array", (3,), [1, 2, 3], JAX_SRC, dtype="int32")
add("jax scalar weak_type", jax_repr(np.array(1.0, dtype=np.float32), weak=True), "jax-array", (), [1.0], JAX_SRC, dtype="float32",
    attributes={"dtype": "float32", "weak_type": "True"})
add("jax DeviceArray (old)", "DeviceArray([1., 2.], dtype=float32)", "jax-array", (2,), [1, 2], "hand-written from jax<0.4 DeviceArray repr", dtype="float32")

# ---------------------------------------------------------------- MATLAB / Julia (hand-written)
HW = "hand-written from the documented syntax/display (no MATLAB or Julia here)"
add("matlab [1 2; 3 4]", "[1 2; 3 4]", "matlab", (2, 2), [1, 2, 3, 4], HW)
add("matlab commas", "[1, 2.5; -3, 4e-3]", "matlab", (2, 2), [1, 2.5, -3, 4e-3], HW)
add("matlab rows on lines (forced: numpy str looks the same)", "[1 2 3\n 4 5 6]", "matlab", (2, 3), [1, 2, 3, 4, 5, 6], HW, options={"format": "matlab"})
add("matlab NaN Inf", "[NaN Inf; -Inf 0]", "matlab", (2, 2), [float("nan"), float("inf"), -float("inf"), 0], HW)
add("matlab display A =", "A =\n\n     1     2\n     3     4\n", "whitespace", (2, 2), [1, 2, 3, 4], HW, attributes={"name": "A"})
add("julia vector", "[1.0, 2.0, 3.5]", "json", (3,), [1.0, 2.0, 3.5], HW + " (Julia's Vector repr is JSON-shaped)")
add("julia Float32 matrix", "Float32[1.0 2.0; 3.0 4.0]", "julia", (2, 2), [1, 2, 3, 4], HW, dtype="float32")
add("julia Float32 vector", "Float32[1.0, 2.0]", "julia", (2,), [1, 2], HW, dtype="float32")
add("julia f0 literals", "[1.0f0 2.5f-1; -3.0f0 4.0f0]", "julia", (2, 2), [1.0, 0.25, -3.0, 4.0], HW)
add("julia 3-D repr", "[1.0 3.0; 2.0 4.0;;; 5.0 7.0; 6.0 8.0]", "julia", (2, 2, 2), [1, 5, 3, 7, 2, 6, 4, 8], HW)
add("julia display matrix", "2×2 Matrix{Float64}:\n 1.0  2.0\n 3.0  4.0", "julia-display", (2, 2), [1, 2, 3, 4], HW, dtype="float64")
add("julia display vector", "3-element Vector{Float32}:\n  1.0\n -2.5\n  3.0", "julia-display", (3,), [1, -2.5, 3], HW, dtype="float32")
add("julia display 3-D", "2×2×2 Array{Float64, 3}:\n[:, :, 1] =\n 1.0  3.0\n 2.0  4.0\n\n[:, :, 2] =\n 5.0  7.0\n 6.0  8.0",
    "julia-display", (2, 2, 2), [1, 5, 3, 7, 2, 6, 4, 8], HW, dtype="float64")
add("julia display Bool", "2×2 Matrix{Bool}:\n 1  0\n 0  1", "julia-display", (2, 2), [1, 0, 0, 1], HW, dtype="bool")
jd = "6×6 Matrix{Int64}:\n 1   2  …   6\n 7   8     12\n ⋮      ⋱   \n 31  32     36"
full = [float("nan")] * 36
for r_, row in ((0, [1, 2, 6]), (1, [7, 8, 12]), (5, [31, 32, 36])):
    for c_, val in zip((0, 1, 5), row):
        full[r_ * 6 + c_] = float(val)
add("julia display summarised", jd, "julia-display", (6, 6), full, HW, dtype="int64", options={"allowSummarized": True},
    gaps=[{"axis": 0, "start": 2, "length": 3, "missing": 3}, {"axis": 1, "start": 2, "length": 3, "missing": 3}], fullShape=[6, 6])

# numpy's line wrapping (75 columns, less one per bracket level and the suffix; the dtype on its own line when it
# would pass the width), for formatNumbers to reproduce; a separate generator keeps the cases above unchanged
wrap_rng = np.random.default_rng(75)
np_case("wrapped 3-D float64", wrap_rng.standard_normal((2, 2, 15)), reprint=True)
np_case("wrapped 2-D float32", wrap_rng.standard_normal((3, 12)).astype(np.float32), reprint=True)
np_case("wrapped 1-D float64, dtype-free", wrap_rng.standard_normal(40), reprint=True)
np_case("wrapped 1-D float32, dtype on its own line", wrap_rng.standard_normal(20).astype(np.float32), reprint=True)

# ---------------------------------------------------------------- tables
m = np.array([[0.5, -1.25, 3.0], [1e-3, 2.0, -0.0]])
import io
buf = io.StringIO(); np.savetxt(buf, m, delimiter=","); add("csv np.savetxt", buf.getvalue(), "csv", (2, 3), m.reshape(-1), "np.savetxt(delimiter=',')")
buf = io.StringIO(); np.savetxt(buf, m, delimiter=",", header="a,b,c", comments=""); add("csv header", buf.getvalue(), "csv", (2, 3), m.reshape(-1), "np.savetxt(header=, comments='')", columnLabels=["a", "b", "c"])
buf = io.StringIO(); np.savetxt(buf, m, delimiter="\t", fmt="%g", header="x\ty\tz"); add("tsv header #", buf.getvalue(), "tsv", (2, 3), m.reshape(-1), "np.savetxt(delimiter='\\t', header=)", columnLabels=["x", "y", "z"])
buf = io.StringIO(); np.savetxt(buf, m, fmt="%.4f"); add("whitespace np.savetxt", buf.getvalue(), "whitespace", (2, 3), [float("%.4f" % v) for v in m.reshape(-1)], "np.savetxt(fmt='%.4f')")
add("whitespace header", "x y\n1 2\n3 4", "whitespace", (2, 2), [1, 2, 3, 4], "hand-written", columnLabels=["x", "y"])
add("csv quoted header + empty cell", '"a","b"\n1,\n3,4', "csv", (2, 2), [1, float("nan"), 3, 4], "hand-written", columnLabels=["a", "b"], warnings=["1 empty cell read as NaN"])
add("csv CRLF", "1,2\r\n3,4\r\n", "csv", (2, 2), [1, 2, 3, 4], "hand-written (Windows line ends)")
add("single row", "1 2 3", "whitespace", (1, 3), [1, 2, 3], "hand-written")
add("scalar", "  42  ", "scalar", (), [42], "hand-written")

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w", encoding="utf-8") as fh:
    json.dump({"generator": "scripts/gen_parse_fixtures.py", "numpy": np.__version__, "torch": torch.__version__, "fixtures": fixtures},
              fh, indent=1, ensure_ascii=False, allow_nan=False)
    fh.write("\n")
print(f"wrote {len(fixtures)} fixtures to {os.path.relpath(OUT)}", file=sys.stderr)
