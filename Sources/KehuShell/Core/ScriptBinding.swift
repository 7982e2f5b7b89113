import KehuQuery
import KehuStore

/// `--set NAME=VALUE` read as `let NAME = VALUE` would read it: a number, percentage, date,
/// duration, `true`/`false` or a quoted string becomes that value, so `--set n=3` then
/// `take $n`, and `--set share=30%` then `limit_sales(…, $share, …)`, type-check. Anything that
/// is not a literal of the language (`--set who=王芳`) is bound as text, as a shell user expects.
public enum ScriptBinding {
  public static func value(_ text: String) -> Value {
    guard let expr = try? Parser.parseExpression(text) else { return .text(text) }
    switch expr.kind {
    case .literal(let v) where !v.isNull: return v
    case .unary(.negate, let inner):
      guard case .literal(let v) = inner.kind else { return .text(text) }
      switch v {
      case .int(let i): return .int(-i)
      case .decimal(let d): return .decimal(d.negated())
      case .percent(let d): return .percent(d.negated())
      case .duration(let d): return .duration(-d)
      default: return .text(text)
      }
    default: return .text(text)
    }
  }
}
