import KehuQuery

// libFuzzer target: the lexer and parser over any bytes (as the prompt would get them,
// invalid UTF-8 repaired). Any trap, hang or sanitizer report is a bug; errors are fine.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSyntax(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = isIncomplete(text)
  _ = try? Parser.parse(text, commands: ["grade", "customer", "print"])
  _ = try? Parser.parseExpression(text)
  return 0
}
