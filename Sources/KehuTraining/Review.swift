import KehuShell
import KehuStore

/// `help review`: the chapter's six review questions, each with the lesson and the
/// commands that answer it.
enum Review {
  static let questions: [(en: String, zh: String, lesson: String, commands: String)] = [
    (
      "The content and principles of customer management", "客户管理的内容和原则", "harrahs, bank",
      "customer add, customer list, history, analyze composition"
    ),
    (
      "How to collect, manage and use customer data", "如何收集、管理和使用客户资料", "pareto-20, harrahs",
      "customer add, import, customer propose, report card, register"
    ),
    (
      "How to run a credit investigation", "如何进行客户信用调查", "credit-limits, bank",
      "credit investigate, credit report, credit score, credit limit all, credit exposure"
    ),
    (
      "How to grade customers and manage each grade", "如何划分客户等级并分级管理", "pareto-20, abc-3months, harrahs",
      "pareto, grade abc, grade abc explain, visit policy, visit plan"
    ),
    (
      "How to handle complaints", "如何处理客户投诉", "complaints, bank",
      "complaint open, complaint investigate, complaint resolve, complaint recover, complaint report"
    ),
    (
      "The functions and costs of receivables, and how to set a receivables policy", "应收账款的功能、成本及信用政策的制定",
      "receivables", "ar ageing, ar cost, ar policy compare, discount cost, collect plan"
    ),
  ]

  /// Printed as lines, not a table: the questions and command lists are too long for columns.
  static func text() -> String {
    let zh = MessageCatalogue.current.language == "zh"
    var lines = [tr("The chapter's review questions (复习思考题)"), ""]
    for (i, q) in questions.enumerated() {
      lines.append("\(i + 1). " + (zh ? q.zh : q.en))
      lines.append("   " + tr("lessons: {0}", q.lesson))
      lines.append("   " + tr("commands: {0}", q.commands))
    }
    lines.append("")
    lines.append(tr("`lesson NAME` walks through a case; `help COMMAND` explains a command"))
    return lines.joined(separator: "\n")
  }
}
