import KehuStore

/// A note discounted at the bank (票据贴现): the bank pays the face value less interest at its
/// discount rate for the days left to maturity.
public struct NoteDiscount: Sendable, Equatable {
  public var days: Int
  public var interest: Money
  public var proceeds: Money
  public var working: Working
}

/// Discount interest = face × rate × days from the discount date to maturity ÷ days in the
/// year; proceeds = face − interest (the bank discount formula; interest rounded to the fen).
public func noteDiscount(
  face: Money, rate: Dec, discounted: Day, matures: Day, year: DayCountConvention
) throws(DomainError) -> NoteDiscount {
  try requirePositive(face, "face value")
  try requireRate(rate, "rate")
  let days = Int(matures.number - discounted.number)
  guard days >= 0 else {
    throw .invalidFigure(
      name: "date", value: "\(discounted)", expected: "on or before the day the note matures, \(matures)")
  }
  let product = try mul(try mul(face.decimal, rate, "interest"), Dec(days), "interest")
  let interest = try fen(try div(product, year.dec, "interest"), "interest")
  let proceeds = try subMoney(face, interest, "proceeds")
  return NoteDiscount(
    days: days, interest: interest, proceeds: proceeds,
    working: Working(
      title: "Note discount",
      rule: "interest = face × rate × days to maturity ÷ days in the year; proceeds = face − interest",
      inputs: [
        WorkingLine("face value", "", .money(face)), WorkingLine("rate", "a year", .percent(rate)),
        WorkingLine("discounted", "", .date(discounted)), WorkingLine("matures", "", .date(matures)),
      ],
      steps: [
        WorkingLine("days", "matures − discounted", .int(Int64(days))),
        WorkingLine("interest", "face × rate × days ÷ \(year.days)", .money(interest)),
      ],
      result: WorkingLine("proceeds", "face − interest", .money(proceeds)),
      convention: [year.note]))
}
