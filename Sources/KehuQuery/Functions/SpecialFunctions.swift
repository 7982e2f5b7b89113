/// The functions the checker and evaluator handle themselves rather than through the
/// registry (lazy `if` and `coalesce`, the aggregates of `summarize`, the functions over the
/// whole result), described for `help functions` and offered by completion. The names come
/// from the enums the checker uses, so a new aggregate cannot be missing here.
public enum SpecialFunctions {
  public struct Entry: Sendable {
    public var name: String
    public var signature: String
    public var help: String
  }

  private static let texts: [String: (String, String)] = [
    "if": ("if(cond, a, b)", "a when cond is true, else b (only the chosen one is evaluated)"),
    "coalesce": ("coalesce(a, b, …)", "the first argument that is not null"),
    "count": ("count()", "in summarize: the number of rows"),
    "sum": ("sum(x)", "in summarize: the total of x (nulls skipped)"),
    "avg": ("avg(x)", "in summarize: the mean of x (nulls skipped)"),
    "min": ("min(x)", "in summarize: the least x"),
    "max": ("max(x)", "in summarize: the greatest x"),
    "median": ("median(x)", "in summarize: the middle x"),
    "count_distinct": ("count_distinct(x)", "in summarize: how many different x"),
    "rank": ("rank()", "in derive/select: the row's place in the result, from 1"),
    "share": ("share(x)", "in derive/select: x ÷ the total of x over the result"),
    "cumshare": ("cumshare(x)", "in derive/select: the running share of x, for Pareto work"),
    "running_sum": ("running_sum(x)", "in derive/select: the running total of x"),
  ]

  public static var all: [Entry] {
    let names = lazyFunctions + AggregateKind.allCases.map(\.rawValue) + WindowKind.allCases.map(\.rawValue)
    return names.map { name in
      let (signature, help) = texts[name] ?? ("\(name)(…)", "")
      return Entry(name: name, signature: signature, help: help)
    }
  }
}
