import KehuStore

// The query language of issue 5, in stages, one per file:
//   Lexer (tokens with line:col) → Parser (+ ExpressionParser) → AST
//   → Checker (+ ExpressionChecker): names and types, before any row is read → QueryPlan
//   → Evaluator: Compiler/Predicates turn expressions into closures over row indexes;
//     VectorFilter, FastSummarize and Sorting are the fast paths over typed columns;
//     Aggregation holds the general summarize, windows and the hash join.
// QueryEngine is the front door the shell uses; RowSource/QueryCatalog are the seam to
// the store; FunctionRegistry is how the shell adds the domain's calculations.

/// The brief's name for the error of parsing; every stage reports the same type.
public typealias ParseError = QueryError
