import KehuStore

// The query language of issue 5, in stages, one per file:
//   Lexer (tokens with line:col) → Parser (+ ExpressionParser) → AST
//   → Checker (+ ExpressionChecker): names and types, before any row is read → QueryPlan
//   → Evaluator: one path, batch by batch over typed vectors: Kernels/TextKernels compile
//     expressions (a cell with no kernel is worked out row by row into the same vector),
//     Selection filters, FusedKernels folds a `where` into the totals after it,
//     VectorSummarize/Grouping aggregate by packed keys, VectorSort sorts by radix,
//     Join/DenseJoin join; ARCHITECTURE.md names every file's part.
// QueryEngine is the front door the shell uses; RowSource/QueryCatalog are the seam to
// the store; FunctionRegistry is how the shell adds the domain's calculations.

/// The brief's name for the error of parsing; every stage reports the same type.
public typealias ParseError = QueryError
