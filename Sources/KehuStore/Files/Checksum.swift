/// XXH64 (Yann Collet's xxHash, 64-bit), written from the published specification.
/// Chosen over CRC32C because without the SSE4.2 instruction a table CRC runs near
/// 1 GB/s, while XXH64 in plain Swift reads several GB/s: it checks half a gigabyte of
/// snapshot on open well inside the time budget.
enum XXH64 {
  static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
  static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
  static let p3: UInt64 = 0x1656_67B1_9E37_79F9
  static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
  static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

  @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
  @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
    rotl(acc &+ input &* p2, 31) &* p1
  }
  @inline(__always) static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
    (acc ^ round(0, val)) &* p1 &+ p4
  }

  static func hash(_ buf: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
    let n = buf.count
    var i = 0
    var h: UInt64
    if n >= 32 {
      var v1 = seed &+ p1 &+ p2
      var v2 = seed &+ p2
      var v3 = seed
      var v4 = seed &- p1
      while i + 32 <= n {
        v1 = round(v1, buf.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
        v2 = round(v2, buf.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
        v3 = round(v3, buf.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian)
        v4 = round(v4, buf.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self).littleEndian)
        i += 32
      }
      h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
      h = merge(h, v1)
      h = merge(h, v2)
      h = merge(h, v3)
      h = merge(h, v4)
    } else {
      h = seed &+ p5
    }
    h = h &+ UInt64(n)
    while i + 8 <= n {
      let k = round(0, buf.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
      h = rotl(h ^ k, 27) &* p1 &+ p4
      i += 8
    }
    if i + 4 <= n {
      let k = UInt64(buf.loadUnaligned(fromByteOffset: i, as: UInt32.self).littleEndian)
      h = rotl(h ^ (k &* p1), 23) &* p2 &+ p3
      i += 4
    }
    while i < n {
      h = rotl(h ^ (UInt64(buf[i]) &* p5), 11) &* p1
      i += 1
    }
    h ^= h >> 33
    h = h &* p2
    h ^= h >> 29
    h = h &* p3
    h ^= h >> 32
    return h
  }

  static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
    bytes.withUnsafeBytes { hash($0, seed: seed) }
  }
}
