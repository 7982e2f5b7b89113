/// The Chinese catalogue: keyed by the English text, as `tr` looks messages up.
extension MessageCatalogue {
  public static let chinese = MessageCatalogue(language: "zh", table: ChineseMessages.table)
}

enum ChineseMessages {
  static let table: [String: String] = [:]
}
