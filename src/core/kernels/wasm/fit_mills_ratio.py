"""Fits the Mills-ratio polynomial used by the float32 GELU kernel in kernels.wat.

    M(a) = Q(a) / phi(a),  Q(a) = erfc(a / sqrt 2) / 2 = 1 - Phi(a),  phi(a) = exp(-a^2/2) / sqrt(2 pi)
    M(a) ~= t * g(t),  t = c / (c + a),  g a degree-12 polynomial in t,  c = 4,  a in [0, 20]

Chebyshev least squares on 400 Chebyshev nodes of t against mpmath (40 digits), converted to monomial
coefficients for Horner/Estrin evaluation. Prints the max relative error of t*g(t) (1.2e-10) and the
coefficients, which kernels.wat embeds. Run: /usr/bin/python3 src/core/kernels/wasm/fit_mills_ratio.py
"""
import mpmath as mp, numpy as np
mp.mp.dps = 40
def M(a):
    a = mp.mpf(a)
    return 0.5*mp.erfc(a/mp.sqrt(2)) / (mp.exp(-a*a/2)/mp.sqrt(2*mp.pi))
A = 20.0; c = 4.0; deg = 12
tmin = c/(c+A)
nodes = 400
k = np.arange(nodes)
ts = (1+tmin)/2 + (1-tmin)/2*np.cos(np.pi*(k+0.5)/nodes)
gs = np.array([float(M(c/t - c)/ mp.mpf(t)) for t in ts])
cheb = np.polynomial.chebyshev.Chebyshev.fit(ts, gs, deg, domain=[tmin, 1])
poly = cheb.convert(kind=np.polynomial.Polynomial, domain=[tmin,1], window=[tmin,1])
co = poly.coef
tt = np.linspace(tmin, 1, 20001); aa = c/tt - c
Mt = np.array([float(M(a)) for a in aa[::10]])
print("relerr", np.max(np.abs(np.polyval(co[::-1], tt[::10])*tt[::10]/Mt - 1)))
for i, v in enumerate(co): print(i, repr(float(v)))
