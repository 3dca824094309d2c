;; Activation Lens — float32 SIMD kernels (WebAssembly 128-bit SIMD), hand-written.
;;
;; Built by scripts/build-wasm.mjs (wabt) into kernels-wasm.ts (base64 bytes). Used by ../wasm-runtime.ts.
;;
;; Calling convention: every kernel takes (src, dst, n): byte addresses of the input and the output in this
;; module's memory and a float count n, a multiple of 4 (4 lanes per vector; JS passes whole vectors only
;; and runs a 1–3 float tail through the work buffer). dst = src works in place; other overlaps do not.
;;
;; Memory layout (pages 0–2 fixed, the rest a heap the JS side manages and grows):
;;   [0, 16384)       unused (the work buffer's old place; the constants keep their addresses).
;;   [16384, 17552)   constant tables (float32, then float64), written once by the start function $init.
;;                    Kernels load the constants they need into locals before their loop: V8 rematerialises
;;                    every `v128.const` inside a loop with three instructions, a load is one (+40 % sigmoid).
;;   [65536, 196608)  work buffer: WASM_CHUNK = 32768 float32 values (128 KiB, fits in L2), for arrays that
;;                    live outside this memory: JS copies a chunk in, calls a kernel on it, copies the chunk
;;                    out. (4096-float chunks cost 15–20 % of the throughput at 2^24 floats in per-chunk
;;                    overhead; bench/results/kernels.md.)
;;   [196608, …)      resident arrays (../resident.ts): Float32Array views handed to JS, which kernels
;;                    read and write in place — no copy. JS grows the memory (memory.grow) as they need.

;; Accuracy contract (checked by test/unit/core/kernels): every result is within 2 ulp of the float64
;; reference rounded to float32, subnormal results included (ulp of a subnormal = 2^-149); NaN in → NaN out.
;; Arithmetic is IEEE (wasm has no fast-math and no flush-to-zero): float32 lanes (f32x4) everywhere except
;; the two GELU kernels, which widen to float64 lanes (f64x2) — see there why.
;;
;; exp: t = k·ln2 + r with k = round(t·log2 e) (magic-number rounding: kf = t·log2e + 1.5·2^23 holds k in
;; its low mantissa bits), r = (t − k·LN2_HI) − k·LN2_LO (Cody–Waite; LN2_HI has 16 significant bits so
;; k·LN2_HI is exact for |k| < 256), |r| ≤ ln2/2, expm1(r) ≈ r + r²·(1/2 + r/6 + … + r⁵/5040) (Taylor,
;; truncation error < 5.3e-9 relative ≈ 0.09 ulp), evaluated in Estrin form for a short dependency chain.
;; 2^k is built by integer arithmetic on kf's bits: ((bits(kf) + bias) << 23) keeps (k + bias) in the
;; exponent field (the magic's own bits shift out).
;; sigmoid, silu and elu use a degree-6 minimax polynomial instead (fitted on |r| ≤ ln2/2, coefficients rounded
;; to float32): expm1(r) ≈ r + r²·(P2 + P3·r + P4·r² + P5·r³ + P6·r⁴), max error 4.5e-9 absolute (0.04 ulp of 1)
;; and 0.15 ulp relative — one multiply-add fewer than the Taylor form. Their magic is 1.5·2^23 + bias, so kf's
;; low bits already hold k + bias and 2^k is bits(kf) << 23 (no add). Their main loops run two vectors per
;; iteration (then one).

(module
  (memory (export "memory") 3)  ;; pages 0–2 as above; grown from JS for resident arrays (../resident.ts)

  ;; constant table offsets
  ;; 16384 SIGN   -0.0             16400 LOG2E  1.44269504
  ;; 16416 MAGIC  1.5·2^23         16432 LN2HI  0x1.62e4p-1
  ;; 16448 LN2LO  1.4286068e-6     16464 C2 1/2   16480 C3 1/6   16496 C4 1/24
  ;; 16512 C5 1/120  16528 C6 1/720  16544 C7 1/5040
  ;; 16560 ONE 1.0   16576 BIAS63 i32 63   16592 TWOM64 2^-64   16608 EXPLO -120
  ;; 16624 EM1LO -40 16640 TWO 2.0   16656 BIAS i32 127   16672 NEG64 -64   16688 POS120 120
  ;; 17360 NLOG2E −log2 e   17376 MAGIC127 1.5·2^23 + 127   17392 MAGIC63 1.5·2^23 + 63   17408 NLN2HI −LN2HI
  ;; 17424 NLN2LO −LN2LO    17440…17504 P2…P6 minimax expm1 polynomial   17520 POS40 40
  ;; 17536 MASK i32 0x20000000 (64 in the exponent field)

  ;; float64 constants (f64x2), written by $init too:
  ;; 16768 D_LOG2E  16784 D_MAGIC 1.5·2^52  16800 D_LN2HI (fdlibm ln2_hi, 32 trailing zero bits)  16816 D_LN2LO
  ;; 16832 D_ONE  16848 D_BIAS i64 1023  16864…16976 D_E2…D_E9 = 1/2!…1/9!
  ;; 16992…17184 D_M0…D_M12 Mills-ratio polynomial (fit_mills_ratio.py)  17200 D_FOUR  17216 D_AMAX 20
  ;; 17232 D_INV_SQRT_2PI  17248 D_NEG20  17264 D_TWO_BETA 2·√(2/π)  17280 D_KAPPA 0.044715
  ;; 17296 D_WLO −50  17312 D_WHI 200  17328 D_NEG11  17344 D_SIGN −0.0

  (func $init
    (v128.store (i32.const 16384) (v128.const f32x4 -0x0p+0 -0x0p+0 -0x0p+0 -0x0p+0))
    (v128.store (i32.const 16400) (v128.const f32x4 0x1.715476p+0 0x1.715476p+0 0x1.715476p+0 0x1.715476p+0))
    (v128.store (i32.const 16416) (v128.const f32x4 0x1.8p23 0x1.8p23 0x1.8p23 0x1.8p23))
    (v128.store (i32.const 16432) (v128.const f32x4 0x1.62e4p-1 0x1.62e4p-1 0x1.62e4p-1 0x1.62e4p-1))
    ;; ln2 − LN2HI = 1.4286068202862268e-6, rounded to float32
    (v128.store (i32.const 16448) (v128.const f32x4 1.4286068202862268e-6 1.4286068202862268e-6 1.4286068202862268e-6 1.4286068202862268e-6))
    (v128.store (i32.const 16464) (v128.const f32x4 0.5 0.5 0.5 0.5))
    (v128.store (i32.const 16480) (v128.const f32x4 0.16666666666666666 0.16666666666666666 0.16666666666666666 0.16666666666666666))
    (v128.store (i32.const 16496) (v128.const f32x4 0.041666666666666664 0.041666666666666664 0.041666666666666664 0.041666666666666664))
    (v128.store (i32.const 16512) (v128.const f32x4 0.008333333333333333 0.008333333333333333 0.008333333333333333 0.008333333333333333))
    (v128.store (i32.const 16528) (v128.const f32x4 0.001388888888888889 0.001388888888888889 0.001388888888888889 0.001388888888888889))
    (v128.store (i32.const 16544) (v128.const f32x4 0.0001984126984126984 0.0001984126984126984 0.0001984126984126984 0.0001984126984126984))
    (v128.store (i32.const 16560) (v128.const f32x4 1 1 1 1))
    (v128.store (i32.const 16576) (v128.const i32x4 63 63 63 63))
    (v128.store (i32.const 16592) (v128.const f32x4 0x1p-64 0x1p-64 0x1p-64 0x1p-64))
    (v128.store (i32.const 16608) (v128.const f32x4 -120 -120 -120 -120))
    (v128.store (i32.const 16624) (v128.const f32x4 -40 -40 -40 -40))
    (v128.store (i32.const 16640) (v128.const f32x4 2 2 2 2))
    (v128.store (i32.const 16656) (v128.const i32x4 127 127 127 127))
    (v128.store (i32.const 16672) (v128.const f32x4 -64 -64 -64 -64))
    (v128.store (i32.const 16688) (v128.const f32x4 120 120 120 120))
    (v128.store (i32.const 16768) (v128.const f64x2 1.4426950408889634 1.4426950408889634))
    (v128.store (i32.const 16784) (v128.const f64x2 0x1.8p52 0x1.8p52))
    (v128.store (i32.const 16800) (v128.const f64x2 0x1.62e42fee00000p-1 0x1.62e42fee00000p-1))
    (v128.store (i32.const 16816) (v128.const f64x2 0x1.a39ef35793c76p-33 0x1.a39ef35793c76p-33))
    (v128.store (i32.const 16832) (v128.const f64x2 1 1))
    (v128.store (i32.const 16848) (v128.const i64x2 1023 1023))
    (v128.store (i32.const 16864) (v128.const f64x2 0.5 0.5))
    (v128.store (i32.const 16880) (v128.const f64x2 0.16666666666666666 0.16666666666666666))
    (v128.store (i32.const 16896) (v128.const f64x2 0.041666666666666664 0.041666666666666664))
    (v128.store (i32.const 16912) (v128.const f64x2 0.008333333333333333 0.008333333333333333))
    (v128.store (i32.const 16928) (v128.const f64x2 0.001388888888888889 0.001388888888888889))
    (v128.store (i32.const 16944) (v128.const f64x2 0.0001984126984126984 0.0001984126984126984))
    (v128.store (i32.const 16960) (v128.const f64x2 2.48015873015873e-05 2.48015873015873e-05))
    (v128.store (i32.const 16976) (v128.const f64x2 2.755731922398589e-06 2.755731922398589e-06))
    (v128.store (i32.const 16992) (v128.const f64x2 0.2500016372827465 0.2500016372827465))
    (v128.store (i32.const 17008) (v128.const f64x2 0.2499473571861029 0.2499473571861029))
    (v128.store (i32.const 17024) (v128.const f64x2 0.23512791370862546 0.23512791370862546))
    (v128.store (i32.const 17040) (v128.const f64x2 0.19678632028653703 0.19678632028653703))
    (v128.store (i32.const 17056) (v128.const f64x2 0.19419647607390544 0.19419647607390544))
    (v128.store (i32.const 17072) (v128.const f64x2 -0.025425303489722977 -0.025425303489722977))
    (v128.store (i32.const 17088) (v128.const f64x2 0.42145966397878715 0.42145966397878715))
    (v128.store (i32.const 17104) (v128.const f64x2 -0.6838063649019296 -0.6838063649019296))
    (v128.store (i32.const 17120) (v128.const f64x2 0.9481761429611455 0.9481761429611455))
    (v128.store (i32.const 17136) (v128.const f64x2 -0.8968376327489597 -0.8968376327489597))
    (v128.store (i32.const 17152) (v128.const f64x2 0.4867937875554428 0.4867937875554428))
    (v128.store (i32.const 17168) (v128.const f64x2 -0.13981289501629302 -0.13981289501629302))
    (v128.store (i32.const 17184) (v128.const f64x2 0.01670703441702152 0.01670703441702152))
    (v128.store (i32.const 17200) (v128.const f64x2 4 4))
    (v128.store (i32.const 17216) (v128.const f64x2 20 20))
    (v128.store (i32.const 17232) (v128.const f64x2 0.3989422804014327 0.3989422804014327))
    (v128.store (i32.const 17248) (v128.const f64x2 -20 -20))
    (v128.store (i32.const 17264) (v128.const f64x2 1.5957691216057308 1.5957691216057308))
    (v128.store (i32.const 17280) (v128.const f64x2 0.044715 0.044715))
    (v128.store (i32.const 17296) (v128.const f64x2 -50 -50))
    (v128.store (i32.const 17312) (v128.const f64x2 200 200))
    (v128.store (i32.const 17328) (v128.const f64x2 -11 -11))
    (v128.store (i32.const 17344) (v128.const f64x2 -0x0p+0 -0x0p+0))
    (v128.store (i32.const 17360) (v128.const f32x4 -0x1.715476p+0 -0x1.715476p+0 -0x1.715476p+0 -0x1.715476p+0))
    (v128.store (i32.const 17376) (v128.const f32x4 12583039 12583039 12583039 12583039))
    (v128.store (i32.const 17392) (v128.const f32x4 12582975 12582975 12582975 12582975))
    (v128.store (i32.const 17408) (v128.const f32x4 -0x1.62e4p-1 -0x1.62e4p-1 -0x1.62e4p-1 -0x1.62e4p-1))
    (v128.store (i32.const 17424) (v128.const f32x4 -1.4286068202862268e-6 -1.4286068202862268e-6 -1.4286068202862268e-6 -1.4286068202862268e-6))
    (v128.store (i32.const 17440) (v128.const f32x4 0.5 0.5 0.5 0.5))
    (v128.store (i32.const 17456) (v128.const f32x4 0x1.55548ep-3 0x1.55548ep-3 0x1.55548ep-3 0x1.55548ep-3))
    (v128.store (i32.const 17472) (v128.const f32x4 0x1.55545ep-5 0x1.55545ep-5 0x1.55545ep-5 0x1.55545ep-5))
    (v128.store (i32.const 17488) (v128.const f32x4 0x1.123b9p-7 0x1.123b9p-7 0x1.123b9p-7 0x1.123b9p-7))
    (v128.store (i32.const 17504) (v128.const f32x4 0x1.6db47ep-10 0x1.6db47ep-10 0x1.6db47ep-10 0x1.6db47ep-10))
    (v128.store (i32.const 17520) (v128.const f32x4 40 40 40 40))
    (v128.store (i32.const 17536) (v128.const i32x4 0x20000000 0x20000000 0x20000000 0x20000000)))
  (start $init)

  ;; relu(x) = x < 0 ? +0 : x. One instruction per 4 lanes: f32x4.pmax(x, +0) is defined as the select
  ;; x < +0 ? +0 : x (not IEEE max: no NaN canonicalisation, no ±0 ordering), which is the scalar exactly:
  ;; NaN compares false and passes through with its payload, −0 < 0 is false so −0 stays −0, negatives
  ;; become +0 — torch's relu. (x64: one maxps; the former compare + and-not took two.)
  ;; Four vectors per iteration, then single vectors.
  (func (export "relu") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $zero v128)
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.pmax (v128.load (local.get $p)) (local.get $zero)))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmax (v128.load offset=16 (local.get $p)) (local.get $zero)))
        (v128.store offset=32 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmax (v128.load offset=32 (local.get $p)) (local.get $zero)))
        (v128.store offset=48 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmax (v128.load offset=48 (local.get $p)) (local.get $zero)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.pmax (v128.load (local.get $p)) (local.get $zero)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))

  ;; leaky_relu(x) = x > 0 ? x : x·slope (slope as float32) — the scalar's own form, so ±0 and NaN come out
  ;; exactly as there (±0·slope, NaN·slope = NaN).
  (func (export "leaky_relu") (param $src i32) (param $dst i32) (param $n i32) (param $slope f32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $v v128) (local $s v128) (local $zero v128)
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $s (f32x4.splat (local.get $slope)))
    ;; four vectors per iteration, then single vectors
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $v (v128.load offset=16 (local.get $p)))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $v (v128.load offset=32 (local.get $p)))
        (v128.store offset=32 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $v (v128.load offset=48 (local.get $p)))
        (v128.store offset=48 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))

  ;; clamp(x) = x < lo ? lo : (x > hi ? hi : x) — hardtanh(min_val, max_val), relu6 = clamp(0, 6).
  ;; NaN compares false both times and passes through; −0 passes through unless lo/hi say otherwise.
  (func (export "clamp") (param $src i32) (param $dst i32) (param $n i32) (param $lo f32) (param $hi f32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $l v128) (local $h v128)
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (local.set $l (f32x4.splat (local.get $lo)))
    (local.set $h (f32x4.splat (local.get $hi)))
    ;; pmax(v, l) = v < l ? l : v ; pmin(m, h) = h < m ? h : m — NaN in v is kept by both.
    ;; Four vectors per iteration, then single vectors.
    (block $done
      (loop $lp
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 64)) (local.get $end)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.pmin (f32x4.pmax (v128.load (local.get $p)) (local.get $l)) (local.get $h)))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmin (f32x4.pmax (v128.load offset=16 (local.get $p)) (local.get $l)) (local.get $h)))
        (v128.store offset=32 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmin (f32x4.pmax (v128.load offset=32 (local.get $p)) (local.get $l)) (local.get $h)))
        (v128.store offset=48 (i32.add (local.get $p) (local.get $d))
          (f32x4.pmin (f32x4.pmax (v128.load offset=48 (local.get $p)) (local.get $l)) (local.get $h)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br $lp)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.pmin (f32x4.pmax (v128.load (local.get $p)) (local.get $l)) (local.get $h)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))

  ;; Logistic family:  σ(x) = 1 / (1 + E),   silu(x) = x / (1 + E),   E = exp(−x) = s·(1 + pm),
  ;; s = 2^k, pm = expm1(r) (see exp at the top). The numerator (1 or x) is exact and 1 + E is formed as
  ;; (1 + s) + s·pm — one rounding (1 + s is exact while |k| ≤ 23; beyond, the dropped part is at most half an
  ;; ulp) — so a result carries two roundings plus the polynomial's error: ≤ 2 ulp against the correctly
  ;; rounded value, also near binade edges (the textbook x·e/(1 + e) forms reached 3 ulp for silu).
  ;; x is clamped to [−120, 40] (−x to [−40, 120]): at x = 40, E < 2^−57 is invisible beside 1; at −120, σ and
  ;; silu are far below the smallest subnormal. For x < −64, E would overflow float32, so numerator and
  ;; denominator are scaled by 2^−64 (the one division then rounds subnormal results once: σ(−100) is right to
  ;; the last subnormal bit). NaN propagates throughout.
  ;; The two are separate loops (no mode branch inside the loop).

  ;; sigmoid(x) = 2^−64 / (2^−64 + s' + s'·pm), s' = 2^(k−64): σ scaled by 2^−64 everywhere — exact powers of
  ;; two, so nothing changes where σ is normal, and no blend is needed for x < −64. s' ∈ [2^−122, 2^109] is
  ;; normal over the clamped range (s'·pm may be subnormal near x = 40, where it is < 2^−75 beside 2^−64).
  ;; kf = x·(−log2 e) + (1.5·2^23 + 63): its low mantissa bits hold k + 63, so s' = bits(kf) << 23.
  ;; r = (k·(−LN2HI) − x) − k·LN2LO = −x − k·ln2 (the Cody–Waite steps of the exp, with −x folded in).
  (func (export "sigmoid") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $k_1 v128) (local $kf_1 v128) (local $q_1 v128) (local $r_1 v128) (local $r2_1 v128) (local $s_1 v128) (local $x_1 v128) 
    (local $p i32) (local $end i32) (local $x v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128)
    (local $NLOG2E v128) (local $MAGIC63 v128) (local $NLN2HI v128) (local $NLN2LO v128)
    (local $P2 v128) (local $P3 v128) (local $P4 v128) (local $P5 v128) (local $P6 v128)
    (local $TWOM64 v128) (local $LO v128) (local $HI v128)
    (local.set $NLOG2E (v128.load (i32.const 17360)))
    (local.set $MAGIC63 (v128.load (i32.const 17392)))
    (local.set $NLN2HI (v128.load (i32.const 17408)))
    (local.set $NLN2LO (v128.load (i32.const 17424)))
    (local.set $P2 (v128.load (i32.const 17440)))
    (local.set $P3 (v128.load (i32.const 17456)))
    (local.set $P4 (v128.load (i32.const 17472)))
    (local.set $P5 (v128.load (i32.const 17488)))
    (local.set $P6 (v128.load (i32.const 17504)))
    (local.set $TWOM64 (v128.load (i32.const 16592)))
    (local.set $LO (v128.load (i32.const 16608)))
    (local.set $HI (v128.load (i32.const 17520)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        ;; x = min(max(x, −120), 40); NaN kept
        (local.set $x (f32x4.pmin (f32x4.pmax (v128.load (local.get $p)) (local.get $LO)) (local.get $HI)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $x) (local.get $NLOG2E)) (local.get $MAGIC63)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC63)))
        (local.set $r (f32x4.add (f32x4.sub (f32x4.mul (local.get $k) (local.get $NLN2HI)) (local.get $x))
                                 (f32x4.mul (local.get $k) (local.get $NLN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.div (local.get $TWOM64)
            (f32x4.add (f32x4.add (local.get $TWOM64) (local.get $s))
                       (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q)))))))
        
        ;; x = min(max(x, −120), 40); NaN kept
        (local.set $x_1 (f32x4.pmin (f32x4.pmax (v128.load offset=16 (local.get $p)) (local.get $LO)) (local.get $HI)))
        (local.set $kf_1 (f32x4.add (f32x4.mul (local.get $x_1) (local.get $NLOG2E)) (local.get $MAGIC63)))
        (local.set $k_1 (f32x4.sub (local.get $kf_1) (local.get $MAGIC63)))
        (local.set $r_1 (f32x4.add (f32x4.sub (f32x4.mul (local.get $k_1) (local.get $NLN2HI)) (local.get $x_1))
                                 (f32x4.mul (local.get $k_1) (local.get $NLN2LO))))
        (local.set $r2_1 (f32x4.mul (local.get $r_1) (local.get $r_1)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q_1
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r_1) (local.get $P3)))
            (f32x4.mul (local.get $r2_1)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r_1) (local.get $P5)))
                         (f32x4.mul (local.get $r2_1) (local.get $P6))))))
        (local.set $s_1 (i32x4.shl (local.get $kf_1) (i32.const 23)))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (f32x4.div (local.get $TWOM64)
            (f32x4.add (f32x4.add (local.get $TWOM64) (local.get $s_1))
                       (f32x4.mul (local.get $s_1) (f32x4.add (local.get $r_1) (f32x4.mul (local.get $r2_1) (local.get $q_1)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        ;; x = min(max(x, −120), 40); NaN kept
        (local.set $x (f32x4.pmin (f32x4.pmax (v128.load (local.get $p)) (local.get $LO)) (local.get $HI)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $x) (local.get $NLOG2E)) (local.get $MAGIC63)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC63)))
        (local.set $r (f32x4.add (f32x4.sub (f32x4.mul (local.get $k) (local.get $NLN2HI)) (local.get $x))
                                 (f32x4.mul (local.get $k) (local.get $NLN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (f32x4.div (local.get $TWOM64)
            (f32x4.add (f32x4.add (local.get $TWOM64) (local.get $s))
                       (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))

  ;; silu(x) = x / (1 + E) as above, unscaled where x ≥ −64 (x·2^−64 would lose tiny x's bits); for x < −64,
  ;; numerator and denominator scaled by 2^−64 through an integer mask m = (x < −64) & bits(2^−64 ratio):
  ;; bits(x) − m, bits(1) − m and bits(s) − m subtract 64 from the exponent fields (x < −64 is normal and
  ;; stays so). kf's low bits hold k + 127 (magic 1.5·2^23 + 127), so s = bits(kf) << 23.
  ;; silu(x < −120) = x·0 = −0 (NaN at −∞, as −∞·σ(−∞) = −∞·0 in the scalar); silu(±0) = ±0.
  (func (export "silu") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $k_1 v128) (local $kf_1 v128) (local $m_1 v128) (local $q_1 v128) (local $r_1 v128) (local $r2_1 v128) (local $s_1 v128) (local $v_1 v128) (local $x_1 v128) (local $y_1 v128) 
    (local $p i32) (local $end i32) (local $v v128) (local $x v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128) (local $m v128) (local $y v128)
    (local $NLOG2E v128) (local $MAGIC127 v128) (local $NLN2HI v128) (local $NLN2LO v128)
    (local $P2 v128) (local $P3 v128) (local $P4 v128) (local $P5 v128) (local $P6 v128)
    (local $ONE v128) (local $MASK v128) (local $NEG64 v128) (local $LO v128) (local $HI v128) (local $zero v128)
    (local.set $NLOG2E (v128.load (i32.const 17360)))
    (local.set $MAGIC127 (v128.load (i32.const 17376)))
    (local.set $NLN2HI (v128.load (i32.const 17408)))
    (local.set $NLN2LO (v128.load (i32.const 17424)))
    (local.set $P2 (v128.load (i32.const 17440)))
    (local.set $P3 (v128.load (i32.const 17456)))
    (local.set $P4 (v128.load (i32.const 17472)))
    (local.set $P5 (v128.load (i32.const 17488)))
    (local.set $P6 (v128.load (i32.const 17504)))
    (local.set $ONE (v128.load (i32.const 16560)))
    (local.set $MASK (v128.load (i32.const 17536)))
    (local.set $NEG64 (v128.load (i32.const 16672)))
    (local.set $LO (v128.load (i32.const 16608)))
    (local.set $HI (v128.load (i32.const 17520)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; x = min(max(v, −120), 40); NaN kept
        (local.set $x (f32x4.pmin (f32x4.pmax (local.get $v) (local.get $LO)) (local.get $HI)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $x) (local.get $NLOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.add (f32x4.sub (f32x4.mul (local.get $k) (local.get $NLN2HI)) (local.get $x))
                                 (f32x4.mul (local.get $k) (local.get $NLN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $m (v128.and (f32x4.lt (local.get $v) (local.get $NEG64)) (local.get $MASK)))
        (local.set $s (i32x4.sub (i32x4.shl (local.get $kf) (i32.const 23)) (local.get $m)))
        (local.set $y
          (f32x4.div (i32x4.sub (local.get $v) (local.get $m))
            (f32x4.add (f32x4.add (i32x4.sub (local.get $ONE) (local.get $m)) (local.get $s))
                       (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q)))))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $v) (local.get $zero)) (local.get $y)
                          (f32x4.lt (local.get $v) (local.get $LO))))
        
        (local.set $v_1 (v128.load offset=16 (local.get $p)))
        ;; x = min(max(v, −120), 40); NaN kept
        (local.set $x_1 (f32x4.pmin (f32x4.pmax (local.get $v_1) (local.get $LO)) (local.get $HI)))
        (local.set $kf_1 (f32x4.add (f32x4.mul (local.get $x_1) (local.get $NLOG2E)) (local.get $MAGIC127)))
        (local.set $k_1 (f32x4.sub (local.get $kf_1) (local.get $MAGIC127)))
        (local.set $r_1 (f32x4.add (f32x4.sub (f32x4.mul (local.get $k_1) (local.get $NLN2HI)) (local.get $x_1))
                                 (f32x4.mul (local.get $k_1) (local.get $NLN2LO))))
        (local.set $r2_1 (f32x4.mul (local.get $r_1) (local.get $r_1)))
        (local.set $q_1
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r_1) (local.get $P3)))
            (f32x4.mul (local.get $r2_1)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r_1) (local.get $P5)))
                         (f32x4.mul (local.get $r2_1) (local.get $P6))))))
        (local.set $m_1 (v128.and (f32x4.lt (local.get $v_1) (local.get $NEG64)) (local.get $MASK)))
        (local.set $s_1 (i32x4.sub (i32x4.shl (local.get $kf_1) (i32.const 23)) (local.get $m_1)))
        (local.set $y_1
          (f32x4.div (i32x4.sub (local.get $v_1) (local.get $m_1))
            (f32x4.add (f32x4.add (i32x4.sub (local.get $ONE) (local.get $m_1)) (local.get $s_1))
                       (f32x4.mul (local.get $s_1) (f32x4.add (local.get $r_1) (f32x4.mul (local.get $r2_1) (local.get $q_1)))))))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $v_1) (local.get $zero)) (local.get $y_1)
                          (f32x4.lt (local.get $v_1) (local.get $LO))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; x = min(max(v, −120), 40); NaN kept
        (local.set $x (f32x4.pmin (f32x4.pmax (local.get $v) (local.get $LO)) (local.get $HI)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $x) (local.get $NLOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.add (f32x4.sub (f32x4.mul (local.get $k) (local.get $NLN2HI)) (local.get $x))
                                 (f32x4.mul (local.get $k) (local.get $NLN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $m (v128.and (f32x4.lt (local.get $v) (local.get $NEG64)) (local.get $MASK)))
        (local.set $s (i32x4.sub (i32x4.shl (local.get $kf) (i32.const 23)) (local.get $m)))
        (local.set $y
          (f32x4.div (i32x4.sub (local.get $v) (local.get $m))
            (f32x4.add (f32x4.add (i32x4.sub (local.get $ONE) (local.get $m)) (local.get $s))
                       (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q)))))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $v) (local.get $zero)) (local.get $y)
                          (f32x4.lt (local.get $v) (local.get $LO))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))

  ;; expm1 kernels. With t ≤ 0 clamped at −40 (where expm1 is −1 in float32) and s = 2^k:
  ;;   expm1(t) = s·expm1(r) + (s − 1),   expm1(r) = r + r²·q(r)
  ;; relative-accurate for tiny t (k = 0: just the polynomial); for k < 0 the sum cancels by at most ×1.3.
  ;; (tanh and elu are written out separately: a mode branch inside one shared loop cost ~30 %.)

  ;; tanh(x) = copysign(−E / (E + 2), x),  E = expm1(−2|x|) ∈ (−1, 0] — no cancellation; tanh(±0) = ±0,
  ;; tanh(±∞) = ±1, NaN kept.
  (func (export "tanh") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $v v128) (local $t v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128) (local $em1 v128) (local $y v128)
    (local $SIGN v128) (local $LOG2E v128) (local $MAGIC v128) (local $LN2HI v128) (local $LN2LO v128)
    (local $C2 v128) (local $C3 v128) (local $C4 v128) (local $C5 v128) (local $C6 v128) (local $C7 v128)
    (local $ONE v128) (local $BIAS v128) (local $EM1LO v128) (local $zero v128) (local $TWO v128)
    (local.set $SIGN (v128.load (i32.const 16384)))
    (local.set $LOG2E (v128.load (i32.const 16400)))
    (local.set $MAGIC (v128.load (i32.const 16416)))
    (local.set $LN2HI (v128.load (i32.const 16432)))
    (local.set $LN2LO (v128.load (i32.const 16448)))
    (local.set $C2 (v128.load (i32.const 16464)))
    (local.set $C3 (v128.load (i32.const 16480)))
    (local.set $C4 (v128.load (i32.const 16496)))
    (local.set $C5 (v128.load (i32.const 16512)))
    (local.set $C6 (v128.load (i32.const 16528)))
    (local.set $C7 (v128.load (i32.const 16544)))
    (local.set $ONE (v128.load (i32.const 16560)))
    (local.set $BIAS (v128.load (i32.const 16656)))
    (local.set $EM1LO (v128.load (i32.const 16624)))
    (local.set $TWO (v128.load (i32.const 16640)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; t = max(−2|x|, −40)
        (local.set $t (v128.andnot (local.get $v) (local.get $SIGN)))
        (local.set $t (f32x4.pmax (v128.or (f32x4.add (local.get $t) (local.get $t)) (local.get $SIGN)) (local.get $EM1LO)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $t) (local.get $LOG2E)) (local.get $MAGIC)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k) (local.get $LN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $C2) (f32x4.mul (local.get $r) (local.get $C3)))
            (f32x4.add
              (f32x4.mul (local.get $r2) (f32x4.add (local.get $C4) (f32x4.mul (local.get $r) (local.get $C5))))
              (f32x4.mul (f32x4.mul (local.get $r2) (local.get $r2))
                         (f32x4.add (local.get $C6) (f32x4.mul (local.get $r) (local.get $C7)))))))
        (local.set $s (i32x4.shl (i32x4.add (local.get $kf) (local.get $BIAS)) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1
          (f32x4.add (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
                     (f32x4.sub (local.get $s) (local.get $ONE))))
        ;; |E / (E + 2)| with the sign of x
        (local.set $y (f32x4.div (local.get $em1) (f32x4.add (local.get $em1) (local.get $TWO))))
        (local.set $y (v128.or (v128.andnot (local.get $y) (local.get $SIGN)) (v128.and (local.get $v) (local.get $SIGN))))
        (v128.store (i32.add (local.get $p) (local.get $d)) (local.get $y))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l))))

  ;; elu(x) = x > thr ? x : alpha·expm1(x) (alpha rounded to float32). thr = +0 gives elu(−0) = alpha·expm1(−0)
  ;; = +0 (torch 1.13); thr = −2^−149 lets −0 pass through as −0 (torch 2.x) and changes nothing else.
  ;; t = max(x, −40) for x ≤ 0 as one integer op: min_u(bits(x), bits(−40)) (negative floats order by magnitude
  ;; as unsigned integers; ±0 pass). Lanes with x > thr, and NaN (x ≤ thr is false), keep x: their expm1 lane
  ;; (clamped, finite or not) is discarded — no upper clamp needed.
  ;; kf = t·log2 e + (1.5·2^23 + 127): its low mantissa bits hold k + 127, so s = 2^k = bits(kf) << 23.
  (func (export "elu") (param $src i32) (param $dst i32) (param $n i32) (param $alpha f32) (param $thr f32)
    (local $d i32)
    (local $em1_1 v128) (local $k_1 v128) (local $kf_1 v128) (local $q_1 v128) (local $r_1 v128) (local $r2_1 v128) (local $s_1 v128) (local $t_1 v128) (local $v_1 v128) 
    (local $p i32) (local $end i32) (local $v v128) (local $t v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128) (local $em1 v128)
    (local $LOG2E v128) (local $MAGIC127 v128) (local $LN2HI v128) (local $LN2LO v128)
    (local $P2 v128) (local $P3 v128) (local $P4 v128) (local $P5 v128) (local $P6 v128)
    (local $ONE v128) (local $EM1LO v128) (local $A v128) (local $THR v128)
    (local.set $LOG2E (v128.load (i32.const 16400)))
    (local.set $MAGIC127 (v128.load (i32.const 17376)))
    (local.set $LN2HI (v128.load (i32.const 16432)))
    (local.set $LN2LO (v128.load (i32.const 16448)))
    (local.set $P2 (v128.load (i32.const 17440)))
    (local.set $P3 (v128.load (i32.const 17456)))
    (local.set $P4 (v128.load (i32.const 17472)))
    (local.set $P5 (v128.load (i32.const 17488)))
    (local.set $P6 (v128.load (i32.const 17504)))
    (local.set $ONE (v128.load (i32.const 16560)))
    (local.set $EM1LO (v128.load (i32.const 16624)))
    (local.set $A (f32x4.splat (local.get $alpha)))
    (local.set $THR (f32x4.splat (local.get $thr)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (if (f32.eq (local.get $alpha) (f32.const 1))
      ;; alpha = 1 (the default): the same loop without the multiplication (1·E = E exactly)
      (then
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $t (i32x4.min_u (local.get $v) (local.get $EM1LO)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $t) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k) (local.get $LN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1
          (f32x4.add (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
                     (f32x4.sub (local.get $s) (local.get $ONE))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $em1) (local.get $v)
                          (f32x4.le (local.get $v) (local.get $THR))))
        
        (local.set $v_1 (v128.load offset=16 (local.get $p)))
        (local.set $t_1 (i32x4.min_u (local.get $v_1) (local.get $EM1LO)))
        (local.set $kf_1 (f32x4.add (f32x4.mul (local.get $t_1) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k_1 (f32x4.sub (local.get $kf_1) (local.get $MAGIC127)))
        (local.set $r_1 (f32x4.sub (f32x4.sub (local.get $t_1) (f32x4.mul (local.get $k_1) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k_1) (local.get $LN2LO))))
        (local.set $r2_1 (f32x4.mul (local.get $r_1) (local.get $r_1)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q_1
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r_1) (local.get $P3)))
            (f32x4.mul (local.get $r2_1)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r_1) (local.get $P5)))
                         (f32x4.mul (local.get $r2_1) (local.get $P6))))))
        (local.set $s_1 (i32x4.shl (local.get $kf_1) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1_1
          (f32x4.add (f32x4.mul (local.get $s_1) (f32x4.add (local.get $r_1) (f32x4.mul (local.get $r2_1) (local.get $q_1))))
                     (f32x4.sub (local.get $s_1) (local.get $ONE))))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $em1_1) (local.get $v_1)
                          (f32x4.le (local.get $v_1) (local.get $THR))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $t (i32x4.min_u (local.get $v) (local.get $EM1LO)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $t) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k) (local.get $LN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1
          (f32x4.add (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
                     (f32x4.sub (local.get $s) (local.get $ONE))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (local.get $em1) (local.get $v)
                          (f32x4.le (local.get $v) (local.get $THR))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))
      (else
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $t (i32x4.min_u (local.get $v) (local.get $EM1LO)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $t) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k) (local.get $LN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1
          (f32x4.add (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
                     (f32x4.sub (local.get $s) (local.get $ONE))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $A) (local.get $em1)) (local.get $v)
                          (f32x4.le (local.get $v) (local.get $THR))))
        
        (local.set $v_1 (v128.load offset=16 (local.get $p)))
        (local.set $t_1 (i32x4.min_u (local.get $v_1) (local.get $EM1LO)))
        (local.set $kf_1 (f32x4.add (f32x4.mul (local.get $t_1) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k_1 (f32x4.sub (local.get $kf_1) (local.get $MAGIC127)))
        (local.set $r_1 (f32x4.sub (f32x4.sub (local.get $t_1) (f32x4.mul (local.get $k_1) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k_1) (local.get $LN2LO))))
        (local.set $r2_1 (f32x4.mul (local.get $r_1) (local.get $r_1)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q_1
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r_1) (local.get $P3)))
            (f32x4.mul (local.get $r2_1)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r_1) (local.get $P5)))
                         (f32x4.mul (local.get $r2_1) (local.get $P6))))))
        (local.set $s_1 (i32x4.shl (local.get $kf_1) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1_1
          (f32x4.add (f32x4.mul (local.get $s_1) (f32x4.add (local.get $r_1) (f32x4.mul (local.get $r2_1) (local.get $q_1))))
                     (f32x4.sub (local.get $s_1) (local.get $ONE))))
        (v128.store offset=16 (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $A) (local.get $em1_1)) (local.get $v_1)
                          (f32x4.le (local.get $v_1) (local.get $THR))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $l)))
    (block $tail
      (loop $t
        (br_if $tail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $t (i32x4.min_u (local.get $v) (local.get $EM1LO)))
        (local.set $kf (f32x4.add (f32x4.mul (local.get $t) (local.get $LOG2E)) (local.get $MAGIC127)))
        (local.set $k (f32x4.sub (local.get $kf) (local.get $MAGIC127)))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $t) (f32x4.mul (local.get $k) (local.get $LN2HI)))
                                 (f32x4.mul (local.get $k) (local.get $LN2LO))))
        (local.set $r2 (f32x4.mul (local.get $r) (local.get $r)))
        ;; q = P2 + P3·r + P4·r² + P5·r³ + P6·r⁴ (Estrin)
        (local.set $q
          (f32x4.add
            (f32x4.add (local.get $P2) (f32x4.mul (local.get $r) (local.get $P3)))
            (f32x4.mul (local.get $r2)
              (f32x4.add (f32x4.add (local.get $P4) (f32x4.mul (local.get $r) (local.get $P5)))
                         (f32x4.mul (local.get $r2) (local.get $P6))))))
        (local.set $s (i32x4.shl (local.get $kf) (i32.const 23)))
        ;; E = s·(r + r²·q) + (s − 1)
        (local.set $em1
          (f32x4.add (f32x4.mul (local.get $s) (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
                     (f32x4.sub (local.get $s) (local.get $ONE))))
        (v128.store (i32.add (local.get $p) (local.get $d))
          (v128.bitselect (f32x4.mul (local.get $A) (local.get $em1)) (local.get $v)
                          (f32x4.le (local.get $v) (local.get $THR))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $t))))))

  ;; ---------------------------------------------------------------------------------------------------------
  ;; GELU kernels, computed in float64 (two lanes per f64x2) and rounded once to float32. In float32 the
  ;; exponent arguments (−a²/2, −2u) would carry a relative error that exp multiplies by |argument| (up to
  ;; ~100): hundreds of ulp in the tails. In float64 every error below is < 1e−9 relative, so the rounded
  ;; result is within 1 ulp of the correctly rounded one (the tests allow 2).

  ;; gelu(x) = x·Φ(x) (approximate = 'none'). With a = min(|x|, 20) and Q = 1 − Φ(a) = φ(a)·M(a):
  ;;   φ(a) = exp(−a²/2)/√(2π)   (a is a float32, so a² and a²/2 are exact in float64)
  ;;   M(a) ≈ t·g(t), t = 4/(4 + a), g a degree-12 polynomial (Mills ratio; fit_mills_ratio.py, rel. error
  ;;        1.2e−10 on [0, 20]), evaluated in Estrin form
  ;;   gelu(x) = x·Q for x < 0 (relative accuracy kept far into the tail, where 1 − erf would lose it all),
  ;;             x·(1 − Q) otherwise.
  ;; x < −20 → x·0 (−0; NaN at −∞, as the scalar's −∞·Φ(−∞) = −∞·0); gelu(±0) = ±0; NaN propagates.
  (func (export "gelu") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $x v128) (local $a v128) (local $t v128) (local $t2 v128)
    (local $t4 v128) (local $w v128) (local $y v128) (local $Q v128)
    (local $kf v128) (local $k v128) (local $r v128) (local $r2 v128) (local $q v128) (local $e v128)
    (local $D_LOG2E v128) (local $D_MAGIC v128) (local $D_LN2HI v128) (local $D_LN2LO v128) (local $D_ONE v128) (local $D_BIAS v128)
    (local $E2 v128) (local $E3 v128) (local $E4 v128) (local $E5 v128) (local $E6 v128) (local $E7 v128) (local $E8 v128) (local $E9 v128)
    (local $M0 v128) (local $M1 v128) (local $M2 v128) (local $M3 v128) (local $M4 v128) (local $M5 v128) (local $M6 v128) (local $M7 v128) (local $M8 v128) (local $M9 v128) (local $M10 v128) (local $M11 v128) (local $M12 v128)
    (local $D_FOUR v128) (local $D_AMAX v128) (local $D_INV_SQRT_2PI v128) (local $D_NEG20 v128) (local $D_SIGN v128)
    (local $D_HALF v128) (local $zero v128)
    (local.set $D_LOG2E (v128.load (i32.const 16768)))
    (local.set $D_MAGIC (v128.load (i32.const 16784)))
    (local.set $D_LN2HI (v128.load (i32.const 16800)))
    (local.set $D_LN2LO (v128.load (i32.const 16816)))
    (local.set $D_ONE (v128.load (i32.const 16832)))
    (local.set $D_BIAS (v128.load (i32.const 16848)))
    (local.set $E2 (v128.load (i32.const 16864)))
    (local.set $E3 (v128.load (i32.const 16880)))
    (local.set $E4 (v128.load (i32.const 16896)))
    (local.set $E5 (v128.load (i32.const 16912)))
    (local.set $E6 (v128.load (i32.const 16928)))
    (local.set $E7 (v128.load (i32.const 16944)))
    (local.set $E8 (v128.load (i32.const 16960)))
    (local.set $E9 (v128.load (i32.const 16976)))
    (local.set $M0 (v128.load (i32.const 16992)))
    (local.set $M1 (v128.load (i32.const 17008)))
    (local.set $M2 (v128.load (i32.const 17024)))
    (local.set $M3 (v128.load (i32.const 17040)))
    (local.set $M4 (v128.load (i32.const 17056)))
    (local.set $M5 (v128.load (i32.const 17072)))
    (local.set $M6 (v128.load (i32.const 17088)))
    (local.set $M7 (v128.load (i32.const 17104)))
    (local.set $M8 (v128.load (i32.const 17120)))
    (local.set $M9 (v128.load (i32.const 17136)))
    (local.set $M10 (v128.load (i32.const 17152)))
    (local.set $M11 (v128.load (i32.const 17168)))
    (local.set $M12 (v128.load (i32.const 17184)))
    (local.set $D_FOUR (v128.load (i32.const 17200)))
    (local.set $D_AMAX (v128.load (i32.const 17216)))
    (local.set $D_INV_SQRT_2PI (v128.load (i32.const 17232)))
    (local.set $D_NEG20 (v128.load (i32.const 17248)))
    (local.set $D_SIGN (v128.load (i32.const 17344)))
    (local.set $D_HALF (v128.load (i32.const 16864)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; two float32 lanes per iteration, widened to float64
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        ;; a = min(|x|, 20) (NaN kept: pmin(NaN, 20) = NaN)
        (local.set $a (f64x2.pmin (v128.andnot (local.get $x) (local.get $D_SIGN)) (local.get $D_AMAX)))
        (local.set $w (f64x2.mul (f64x2.mul (local.get $a) (local.get $a)) (f64x2.neg (local.get $D_HALF))))
        ;; e = exp(w) in float64: k = round(w·log2 e), r = (w − k·ln2_hi) − k·ln2_lo, e^r by its Taylor series to
        ;; r⁹/9! (truncation < 7e−12 relative for |r| ≤ ln2/2), 2^k from the bits of w·log2e + 1.5·2^52
        (local.set $kf (f64x2.add (f64x2.mul (local.get $w) (local.get $D_LOG2E)) (local.get $D_MAGIC)))
        (local.set $k (f64x2.sub (local.get $kf) (local.get $D_MAGIC)))
        (local.set $r (f64x2.sub (f64x2.sub (local.get $w) (f64x2.mul (local.get $k) (local.get $D_LN2HI)))
                                 (f64x2.mul (local.get $k) (local.get $D_LN2LO))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f64x2.add
            (f64x2.add
              (f64x2.add (local.get $E2) (f64x2.mul (local.get $r) (local.get $E3)))
              (f64x2.mul (local.get $r2) (f64x2.add (local.get $E4) (f64x2.mul (local.get $r) (local.get $E5)))))
            (f64x2.mul (f64x2.mul (local.get $r2) (local.get $r2))
              (f64x2.add
                (f64x2.add (local.get $E6) (f64x2.mul (local.get $r) (local.get $E7)))
                (f64x2.mul (local.get $r2) (f64x2.add (local.get $E8) (f64x2.mul (local.get $r) (local.get $E9))))))))
        (local.set $e
          (f64x2.mul
            (f64x2.add (local.get $D_ONE) (f64x2.add (local.get $r) (f64x2.mul (local.get $r2) (local.get $q))))
            (i64x2.shl (i64x2.add (local.get $kf) (local.get $D_BIAS)) (i32.const 52))))
        (local.set $t (f64x2.div (local.get $D_FOUR) (f64x2.add (local.get $D_FOUR) (local.get $a))))
        (local.set $t2 (f64x2.mul (local.get $t) (local.get $t)))
        (local.set $t4 (f64x2.mul (local.get $t2) (local.get $t2)))
        ;; g(t) = Σ M_i t^i, Estrin: pairs, then t², t⁴, t⁸
        (local.set $Q
          (f64x2.add
            (f64x2.add
              (f64x2.add (f64x2.add (local.get $M0) (f64x2.mul (local.get $t) (local.get $M1)))
                         (f64x2.mul (local.get $t2) (f64x2.add (local.get $M2) (f64x2.mul (local.get $t) (local.get $M3)))))
              (f64x2.mul (local.get $t4)
                (f64x2.add (f64x2.add (local.get $M4) (f64x2.mul (local.get $t) (local.get $M5)))
                           (f64x2.mul (local.get $t2) (f64x2.add (local.get $M6) (f64x2.mul (local.get $t) (local.get $M7)))))))
            (f64x2.mul (f64x2.mul (local.get $t4) (local.get $t4))
              (f64x2.add
                (f64x2.add (f64x2.add (local.get $M8) (f64x2.mul (local.get $t) (local.get $M9)))
                           (f64x2.mul (local.get $t2) (f64x2.add (local.get $M10) (f64x2.mul (local.get $t) (local.get $M11)))))
                (f64x2.mul (local.get $t4) (local.get $M12))))))
        ;; Q = φ(a)·t·g(t)
        (local.set $Q (f64x2.mul (f64x2.mul (local.get $e) (local.get $D_INV_SQRT_2PI)) (f64x2.mul (local.get $t) (local.get $Q))))
        (local.set $y (f64x2.mul (local.get $x)
          (v128.bitselect (local.get $Q) (f64x2.sub (local.get $D_ONE) (local.get $Q)) (f64x2.lt (local.get $x) (local.get $zero)))))
        (local.set $y (v128.bitselect (f64x2.mul (local.get $x) (local.get $zero)) (local.get $y)
                                      (f64x2.lt (local.get $x) (local.get $D_NEG20))))
        (v128.store64_lane 0 (i32.add (local.get $p) (local.get $d)) (f32x4.demote_f64x2_zero (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $l))))

  ;; gelu(x, approximate = 'tanh') = x·(1 + tanh u)/2 = x·σ(2u) = x / (1 + exp(−2u)),
  ;; u = √(2/π)·(x + 0.044715·x³) — the scalar's cancellation-free form. −2u is clamped to [−50, 200]
  ;; (beyond −50, exp is invisible beside 1; beyond 200 the result is far below float32's subnormals);
  ;; x < −11 → x·0 (−0; NaN at −∞, as the scalar); gelu(±0) = ±0; NaN propagates.
  (func (export "gelu_tanh") (param $src i32) (param $dst i32) (param $n i32)
    (local $d i32)
    (local $p i32) (local $end i32) (local $x v128) (local $w v128) (local $y v128)
    (local $kf v128) (local $k v128) (local $r v128) (local $r2 v128) (local $q v128) (local $e v128)
    (local $D_LOG2E v128) (local $D_MAGIC v128) (local $D_LN2HI v128) (local $D_LN2LO v128) (local $D_ONE v128) (local $D_BIAS v128)
    (local $E2 v128) (local $E3 v128) (local $E4 v128) (local $E5 v128) (local $E6 v128) (local $E7 v128) (local $E8 v128) (local $E9 v128)
    (local $D_TWO_BETA v128) (local $D_KAPPA v128) (local $D_WLO v128) (local $D_WHI v128) (local $D_NEG11 v128)
    (local $zero v128)
    (local.set $D_LOG2E (v128.load (i32.const 16768)))
    (local.set $D_MAGIC (v128.load (i32.const 16784)))
    (local.set $D_LN2HI (v128.load (i32.const 16800)))
    (local.set $D_LN2LO (v128.load (i32.const 16816)))
    (local.set $D_ONE (v128.load (i32.const 16832)))
    (local.set $D_BIAS (v128.load (i32.const 16848)))
    (local.set $E2 (v128.load (i32.const 16864)))
    (local.set $E3 (v128.load (i32.const 16880)))
    (local.set $E4 (v128.load (i32.const 16896)))
    (local.set $E5 (v128.load (i32.const 16912)))
    (local.set $E6 (v128.load (i32.const 16928)))
    (local.set $E7 (v128.load (i32.const 16944)))
    (local.set $E8 (v128.load (i32.const 16960)))
    (local.set $E9 (v128.load (i32.const 16976)))
    (local.set $D_TWO_BETA (v128.load (i32.const 17264)))
    (local.set $D_KAPPA (v128.load (i32.const 17280)))
    (local.set $D_WLO (v128.load (i32.const 17296)))
    (local.set $D_WHI (v128.load (i32.const 17312)))
    (local.set $D_NEG11 (v128.load (i32.const 17328)))
    ;; p walks the input from src; results go to p + d (d = dst − src, wrapping: dst may lie below src)
    (local.set $p (local.get $src))
    (local.set $d (i32.sub (local.get $dst) (local.get $src)))
    (local.set $end (i32.add (local.get $src) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        ;; two float32 lanes per iteration, widened to float64
        (local.set $x (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $p))))
        ;; w = −2u = −2√(2/π)·(x + κx³), clamped to [−50, 200] (NaN kept)
        (local.set $w (f64x2.mul (f64x2.neg (local.get $D_TWO_BETA))
          (f64x2.add (local.get $x) (f64x2.mul (local.get $D_KAPPA) (f64x2.mul (f64x2.mul (local.get $x) (local.get $x)) (local.get $x))))))
        (local.set $w (f64x2.pmin (f64x2.pmax (local.get $w) (local.get $D_WLO)) (local.get $D_WHI)))
        ;; e = exp(w) in float64: k = round(w·log2 e), r = (w − k·ln2_hi) − k·ln2_lo, e^r by its Taylor series to
        ;; r⁹/9! (truncation < 7e−12 relative for |r| ≤ ln2/2), 2^k from the bits of w·log2e + 1.5·2^52
        (local.set $kf (f64x2.add (f64x2.mul (local.get $w) (local.get $D_LOG2E)) (local.get $D_MAGIC)))
        (local.set $k (f64x2.sub (local.get $kf) (local.get $D_MAGIC)))
        (local.set $r (f64x2.sub (f64x2.sub (local.get $w) (f64x2.mul (local.get $k) (local.get $D_LN2HI)))
                                 (f64x2.mul (local.get $k) (local.get $D_LN2LO))))
        (local.set $r2 (f64x2.mul (local.get $r) (local.get $r)))
        (local.set $q
          (f64x2.add
            (f64x2.add
              (f64x2.add (local.get $E2) (f64x2.mul (local.get $r) (local.get $E3)))
              (f64x2.mul (local.get $r2) (f64x2.add (local.get $E4) (f64x2.mul (local.get $r) (local.get $E5)))))
            (f64x2.mul (f64x2.mul (local.get $r2) (local.get $r2))
              (f64x2.add
                (f64x2.add (local.get $E6) (f64x2.mul (local.get $r) (local.get $E7)))
                (f64x2.mul (local.get $r2) (f64x2.add (local.get $E8) (f64x2.mul (local.get $r) (local.get $E9))))))))
        (local.set $e
          (f64x2.mul
            (f64x2.add (local.get $D_ONE) (f64x2.add (local.get $r) (f64x2.mul (local.get $r2) (local.get $q))))
            (i64x2.shl (i64x2.add (local.get $kf) (local.get $D_BIAS)) (i32.const 52))))
        (local.set $y (f64x2.div (local.get $x) (f64x2.add (local.get $D_ONE) (local.get $e))))
        (local.set $y (v128.bitselect (f64x2.mul (local.get $x) (local.get $zero)) (local.get $y)
                                      (f64x2.lt (local.get $x) (local.get $D_NEG11))))
        (v128.store64_lane 0 (i32.add (local.get $p) (local.get $d)) (f32x4.demote_f64x2_zero (local.get $y)))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (br $l))))
)
