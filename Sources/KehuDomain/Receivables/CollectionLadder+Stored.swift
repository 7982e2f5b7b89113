import KehuStore

extension CollectionLadder {
  /// The firm's ladder as edited with `collect ladder set`, or the chapter's default when it
  /// has not been edited (or the stored steps no longer make a ladder).
  public static func stored(_ db: Database) -> CollectionLadder {
    let t = LadderSteps(db)
    guard t.count > 0 else { return .standard }
    let steps = t.rows.map { r in
      CollectionStep(
        key: t.step[r], name: t.name[r] ?? "", chinese: t.chinese[r] ?? "", days: Int(t.days[r]),
        skippable: t.skip[r] == true)
    }.sorted { $0.days < $1.days }
    return (try? CollectionLadder(steps)) ?? .standard
  }
}
