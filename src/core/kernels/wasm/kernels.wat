;; Activation Lens — float32 SIMD kernels (WebAssembly 128-bit SIMD), hand-written.
;;
;; Built by scripts/build-wasm.mjs (wabt) into kernels-wasm.ts (base64 bytes). Used by ../wasm-runtime.ts.
;;
;; Memory layout (one 64 KiB page, no growth):
;;   [0, 16384)       work buffer: BUFFER_FLOATS = 4096 float32 values; JS copies a chunk in, calls a
;;                    kernel, copies the chunk out. Kernels work in place on [0, 4·n) bytes; n must be a
;;                    multiple of 4 (JS rounds up: the padding lanes are computed and never read).
;;   [16384, 16704)   constant table, written once by the start function $init. Kernels load the constants
;;                    they need into locals before their loop: V8 rematerialises every `v128.const` inside a
;;                    loop with three instructions, a load from here is one (≈ +40 % on sigmoid).
;;
;; Accuracy contract (checked by test/unit/core/kernels): every result is within 2 ulp of the float64
;; reference rounded to float32, subnormal results included (ulp of a subnormal = 2^-149); NaN in → NaN out.
;; All arithmetic is float32 and IEEE (wasm has no fast-math and no flush-to-zero).
;;
;; exp: t = k·ln2 + r with k = round(t·log2 e) (magic-number rounding: kf = t·log2e + 1.5·2^23 holds k in
;; its low mantissa bits), r = (t − k·LN2_HI) − k·LN2_LO (Cody–Waite; LN2_HI has 16 significant bits so
;; k·LN2_HI is exact for |k| < 256), |r| ≤ ln2/2, expm1(r) ≈ r + r²·(1/2 + r/6 + … + r⁵/5040) (Taylor,
;; truncation error < 5.3e-9 relative ≈ 0.09 ulp), evaluated in Estrin form for a short dependency chain.
;; 2^k is built by integer arithmetic on kf's bits: ((bits(kf) + bias) << 23) keeps (k + bias) in the
;; exponent field (the magic's own bits shift out).

(module
  (memory (export "memory") 1)

  ;; constant table offsets
  ;; 16384 SIGN   -0.0             16400 LOG2E  1.44269504
  ;; 16416 MAGIC  1.5·2^23         16432 LN2HI  0x1.62e4p-1
  ;; 16448 LN2LO  1.4286068e-6     16464 C2 1/2   16480 C3 1/6   16496 C4 1/24
  ;; 16512 C5 1/120  16528 C6 1/720  16544 C7 1/5040
  ;; 16560 ONE 1.0   16576 BIAS63 i32 63   16592 TWOM64 2^-64   16608 EXPLO -120
  ;; 16624 EM1LO -40 16640 TWO 2.0   16656 BIAS i32 127   16672 NEG64 -64   16688 POS120 120

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
    (v128.store (i32.const 16688) (v128.const f32x4 120 120 120 120)))
  (start $init)

  ;; relu(x) = x < 0 ? +0 : x. The "fast ReLU": one compare and one and-not per 4 lanes, no branch.
  ;; The mask (x < 0) is all-ones exactly for negative numbers: NaN (compares false) and −0 (−0 < 0 is
  ;; false) pass through unchanged, negatives become +0 — torch's relu: relu(NaN) = NaN, relu(−0) = −0.
  (func (export "relu") (param $n i32)
    (local $p i32) (local $end i32) (local $v v128) (local $w v128) (local $zero v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    ;; two vectors per iteration when possible
    (block $done
      (loop $l
        (br_if $done (i32.gt_u (i32.add (local.get $p) (i32.const 32)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $w (v128.load offset=16 (local.get $p)))
        (v128.store (local.get $p) (v128.andnot (local.get $v) (f32x4.lt (local.get $v) (local.get $zero))))
        (v128.store offset=16 (local.get $p) (v128.andnot (local.get $w) (f32x4.lt (local.get $w) (local.get $zero))))
        (local.set $p (i32.add (local.get $p) (i32.const 32)))
        (br $l)))
    (if (i32.lt_u (local.get $p) (local.get $end))
      (then
        (local.set $v (v128.load (local.get $p)))
        (v128.store (local.get $p) (v128.andnot (local.get $v) (f32x4.lt (local.get $v) (local.get $zero)))))))

  ;; leaky_relu(x) = x > 0 ? x : x·slope (slope as float32) — the scalar's own form, so ±0 and NaN come out
  ;; exactly as there (±0·slope, NaN·slope = NaN).
  (func (export "leaky_relu") (param $n i32) (param $slope f32)
    (local $p i32) (local $end i32) (local $v v128) (local $s v128) (local $zero v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $s (f32x4.splat (local.get $slope)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (v128.store (local.get $p)
          (v128.bitselect (local.get $v) (f32x4.mul (local.get $v) (local.get $s))
                          (f32x4.gt (local.get $v) (local.get $zero))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l))))

  ;; clamp(x) = x < lo ? lo : (x > hi ? hi : x) — hardtanh(min_val, max_val), relu6 = clamp(0, 6).
  ;; NaN compares false both times and passes through; −0 passes through unless lo/hi say otherwise.
  (func (export "clamp") (param $n i32) (param $lo f32) (param $hi f32)
    (local $p i32) (local $end i32) (local $v v128) (local $l v128) (local $h v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $l (f32x4.splat (local.get $lo)))
    (local.set $h (f32x4.splat (local.get $hi)))
    (block $done
      (loop $lp
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; pmax(v, l) = v < l ? l : v ; pmin(v, h) = h < v ? h : v — NaN in v is kept by both
        (v128.store (local.get $p) (f32x4.pmin (f32x4.pmax (local.get $v) (local.get $l)) (local.get $h)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $lp))))

;; Logistic family, one loop for two kernels ($silu = 0: sigmoid, 1: silu; loop-invariant, so the branch
  ;; is free):
  ;;   σ(x) = 1 / (1 + E),   silu(x) = x / (1 + E),   E = exp(−x) = s·(1 + pm),  s = 2^k,  pm = expm1(r)
  ;; The numerator (1 or x) is exact and 1 + E is formed as (1 + s) + s·pm — one rounding (1 + s is exact
  ;; while |k| ≤ 23; beyond, the dropped part is at most half an ulp) — so a result carries two roundings
  ;; plus the polynomial's error: ≤ 2 ulp against the correctly rounded value, also near binade edges (the
  ;; textbook x·e/(1 + e) forms reached 3 ulp for silu). −x is clamped to [−40, 120]: at −40, E < 2^−57 is
  ;; invisible beside 1; at 120, σ and silu are far below the smallest subnormal. For x < −64, E would
  ;; overflow float32, so numerator and denominator are both scaled by 2^−64 (x·2^−64 is exact there, and
  ;; the one division rounds subnormal results once: σ(−100) is right to the last subnormal bit).
  ;; silu(x < −120) = x·0 = −0 (NaN at −∞, as −∞·σ(−∞) = −∞·0 in the scalar). NaN propagates throughout;
  ;; silu(±0) = ±0.
  (func $logistic (param $n i32) (param $silu i32)
    (local $p i32) (local $end i32) (local $v v128) (local $t v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128) (local $pm v128) (local $den v128)
    (local $big v128) (local $sc v128) (local $y v128)
    (local $SIGN v128) (local $LOG2E v128) (local $MAGIC v128) (local $LN2HI v128) (local $LN2LO v128)
    (local $C2 v128) (local $C3 v128) (local $C4 v128) (local $C5 v128) (local $C6 v128) (local $C7 v128)
    (local $ONE v128) (local $BIAS v128) (local $BIAS63 v128) (local $TWOM64 v128) (local $EXPLO v128)
    (local $EM1LO v128) (local $NEG64 v128) (local $POS120 v128) (local $zero v128)
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
    (local.set $BIAS63 (v128.load (i32.const 16576)))
    (local.set $TWOM64 (v128.load (i32.const 16592)))
    (local.set $EXPLO (v128.load (i32.const 16608)))
    (local.set $EM1LO (v128.load (i32.const 16624)))
    (local.set $BIAS (v128.load (i32.const 16656)))
    (local.set $NEG64 (v128.load (i32.const 16672)))
    (local.set $POS120 (v128.load (i32.const 16688)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; t = min(max(−x, −40), 120); NaN kept
        (local.set $t (f32x4.pmin (f32x4.pmax (v128.xor (local.get $v) (local.get $SIGN)) (local.get $EM1LO))
                                  (local.get $POS120)))
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
        (local.set $pm (f32x4.add (local.get $r) (f32x4.mul (local.get $r2) (local.get $q))))
        ;; scale 2^−64 where x < −64: sc = 2^−64 and s = 2^(k−64), else sc = 1 and s = 2^k
        (local.set $big (f32x4.lt (local.get $v) (local.get $NEG64)))
        (local.set $sc (v128.bitselect (local.get $TWOM64) (local.get $ONE) (local.get $big)))
        (local.set $s (i32x4.shl (i32x4.add (local.get $kf) (v128.bitselect (local.get $BIAS63) (local.get $BIAS) (local.get $big)))
                                 (i32.const 23)))
        (local.set $den (f32x4.add (f32x4.add (local.get $sc) (local.get $s)) (f32x4.mul (local.get $s) (local.get $pm))))
        (if (local.get $silu)
          (then
            (local.set $y (f32x4.div (f32x4.mul (local.get $v) (local.get $sc)) (local.get $den)))
            (local.set $y (v128.bitselect (f32x4.mul (local.get $v) (local.get $zero)) (local.get $y)
                                          (f32x4.lt (local.get $v) (local.get $EXPLO)))))
          (else
            (local.set $y (f32x4.div (local.get $sc) (local.get $den)))))
        (v128.store (local.get $p) (local.get $y))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l))))

  ;; sigmoid(x) = 1 / (1 + exp(−x)), see $logistic.
  (func (export "sigmoid") (param $n i32) (call $logistic (local.get $n) (i32.const 0)))
  ;; silu(x) = x·sigmoid(x), see $logistic.
  (func (export "silu") (param $n i32) (call $logistic (local.get $n) (i32.const 1)))

  ;; expm1 kernels. With t ≤ 0 clamped at −40 (where expm1 is −1 in float32) and s = 2^k:
  ;;   expm1(t) = s·expm1(r) + (s − 1),   expm1(r) = r + r²·q(r)
  ;; relative-accurate for tiny t (k = 0: just the polynomial); for k < 0 the sum cancels by at most ×1.3.
  ;; (tanh and elu are written out separately: a mode branch inside one shared loop cost ~30 %.)

  ;; tanh(x) = copysign(−E / (E + 2), x),  E = expm1(−2|x|) ∈ (−1, 0] — no cancellation; tanh(±0) = ±0,
  ;; tanh(±∞) = ±1, NaN kept.
  (func (export "tanh") (param $n i32)
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
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
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
        (v128.store (local.get $p) (local.get $y))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l))))

  ;; elu(x) = x > thr ? x : alpha·expm1(x) (alpha rounded to float32). thr = +0 gives elu(−0) = alpha·expm1(−0)
  ;; = +0 (torch 1.13); thr = −2^−149 lets −0 pass through as −0 (torch 2.x) and changes nothing else.
  (func (export "elu") (param $n i32) (param $alpha f32) (param $thr f32)
    (local $p i32) (local $end i32) (local $v v128) (local $t v128) (local $kf v128) (local $k v128)
    (local $r v128) (local $r2 v128) (local $q v128) (local $s v128) (local $em1 v128) (local $y v128)
    (local $SIGN v128) (local $LOG2E v128) (local $MAGIC v128) (local $LN2HI v128) (local $LN2LO v128)
    (local $C2 v128) (local $C3 v128) (local $C4 v128) (local $C5 v128) (local $C6 v128) (local $C7 v128)
    (local $ONE v128) (local $BIAS v128) (local $EM1LO v128) (local $zero v128) (local $A v128) (local $THR v128)
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
    (local.set $A (f32x4.splat (local.get $alpha)))
    (local.set $THR (f32x4.splat (local.get $thr)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        ;; t = min(max(x, −40), 0); NaN kept
        (local.set $t (f32x4.pmin (f32x4.pmax (local.get $v) (local.get $EM1LO)) (local.get $zero)))
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
        (local.set $y (v128.bitselect (local.get $v) (f32x4.mul (local.get $A) (local.get $em1))
                                      (f32x4.gt (local.get $v) (local.get $THR))))
        (v128.store (local.get $p) (local.get $y))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $l))))
)
