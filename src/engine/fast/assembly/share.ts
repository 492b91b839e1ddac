// Work splitting for threads: a kernel called with (part, parts) does units
// [shareStart(total, part, parts), shareStart(total, part + 1, parts)) of its output. Kernels only
// ever split what they write, never a sum, so every thread count computes the same floats.

@inline export function shareStart(total: i32, part: i32, parts: i32): i32 {
  return <i32>((<i64>total * <i64>part) / <i64>parts);
}

// Multiply-add acc + a * b: fused (one rounding) where relaxed SIMD is enabled, else mul then add.
@inline export function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}
