import KehuDomain
import KehuStore

/// The complaint commands' reading of their arguments and the wording of deadlines; the
/// records themselves are KehuDomain's `ComplaintBook`.
enum ComplaintArguments {
  /// The complaint at `row`, an old row's deadlines judged by the firm's holiday calendar.
  static func record(_ db: Database, row r: Int) -> ComplaintRecord {
    ComplaintBook.record(db, row: r) { HolidayCommands.calendar(db) }
  }

  static func all(_ db: Database) -> [ComplaintRecord] {
    ComplaintBook.all(db) { HolidayCommands.calendar(db) }
  }

  /// The complaint named by argument `name`, checked to exist.
  static func find(_ s: Session, _ a: ParsedArguments, _ name: String = "id") throws -> ComplaintRecord {
    let id = a.int(name)!
    guard let r = Complaints(s.db).row(id: id) else {
      throw a.error(tr("no complaint {0}", id), at: name)
    }
    return record(s.db, row: r)
  }

  /// A customer id argument, checked to exist.
  static func customer(_ s: Session, _ a: ParsedArguments, _ name: String) throws -> Int64 {
    try a.customerKey(name, in: s.db)
  }

  static func customerName(_ db: Database, _ id: Int64) -> String { db.customerName(id) ?? "" }

  /// The day a step is recorded for: `date=` when given (a step reported late), else today;
  /// never before the complaint was received, never in the future.
  static func stepDay(_ s: Session, _ a: ParsedArguments, _ c: ComplaintRecord) throws -> (Day, Timestamp) {
    guard let d = a.date("date") else { return (s.today, s.now) }
    if d > s.today { throw a.error(tr("`date` {0} is after today ({1})", d, s.today), at: "date") }
    if d < c.received {
      throw a.error(tr("`date` {0} is before the complaint was received ({1})", d, c.received), at: "date")
    }
    // Steps are recorded in the order they happened, so the timeline reads forwards.
    if let last = ComplaintBook.lastStep(s.db, c.id), d < last {
      throw a.error(tr("`date` {0} is before the complaint's last recorded step ({1})", d, last), at: "date")
    }
    if d == s.today { return (d, s.now) }
    let seconds = s.now.seconds - Timestamp(day: s.now.day).seconds
    return (d, Timestamp(seconds: Timestamp(day: d).seconds + seconds))
  }

  static func describe(_ st: DeadlineStatus, due: Day) -> String {
    tr("{0} (due {1})", describe(st), due)
  }

  /// "on time", "3 days late", "pending", "overdue by 1 day".
  static func describe(_ st: DeadlineStatus) -> String {
    switch st {
    case .met: return tr("on time")
    case .breached(let n): return tr("{0} late", days(n))
    case .pending: return tr("pending")
    case .overdue(let n): return tr("overdue by {0}", days(n))
    }
  }

  static func days(_ n: Int) -> String { n == 1 ? tr("1 day") : tr("{0} days", n) }
}

extension DomainError {
  var shell: ShellError { ShellError(tr(message)) }
}
