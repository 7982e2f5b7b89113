import KehuStore

// Checked arithmetic for the rules: an overflow becomes a DomainError naming the line it
// happened on, so callers of this module see one error type.

func mul(_ a: Dec, _ b: Dec, _ what: Message) throws(DomainError) -> Dec {
  do { return try a.multiplied(by: b) } catch { throw .overflow(what) }
}

func add(_ a: Dec, _ b: Dec, _ what: Message) throws(DomainError) -> Dec {
  do { return try a.adding(b) } catch { throw .overflow(what) }
}

func sub(_ a: Dec, _ b: Dec, _ what: Message) throws(DomainError) -> Dec {
  do { return try a.subtracting(b) } catch { throw .overflow(what) }
}

/// Division at the library's working precision; callers have checked the divisor already.
func div(_ a: Dec, _ b: Dec, _ what: Message, scale: Int = Dec.divisionScale) throws(DomainError) -> Dec {
  do { return try a.divided(by: b, scale: scale) } catch { throw .overflow(what) }
}

/// Rounds half away from zero to the fen (四舍五入到分).
func fen(_ d: Dec, _ what: Message) throws(DomainError) -> Money {
  do { return try d.toMoney() } catch { throw .overflow(what) }
}

func addMoney(_ a: Money, _ b: Money, _ what: Message) throws(DomainError) -> Money {
  do { return try a.adding(b) } catch { throw .overflow(what) }
}

func subMoney(_ a: Money, _ b: Money, _ what: Message) throws(DomainError) -> Money {
  do { return try a.subtracting(b) } catch { throw .overflow(what) }
}

func sumMoney(_ xs: [Money], _ what: Message) throws(DomainError) -> Money {
  var t = Money.zero
  for x in xs { t = try addMoney(t, x, what) }
  return t
}

/// Rates are shown to a hundredth of a percent; the rounded figure is what the reader sees.
func percentShown(_ d: Dec) -> Dec { d.rounded(to: 4) }

func requireNonNegative(_ m: Money, _ name: String) throws(DomainError) {
  if m.fen < 0 { throw .invalidFigure(name: name, value: m.plain, expected: "must not be negative") }
}

func requirePositive(_ m: Money, _ name: String) throws(DomainError) {
  if m.fen <= 0 { throw .invalidFigure(name: name, value: m.plain, expected: "must be more than zero") }
}

/// A rate given as a fraction (0.25 = 25%) that must lie in 0…1.
func requireRate(_ d: Dec, _ name: String, allowOne: Bool = true) throws(DomainError) {
  if d.isNegative || d > .one || (!allowOne && d == .one) {
    throw .invalidFigure(
      name: name, value: Value.percentText(d),
      expected: allowOne ? "must be between 0% and 100%" : "must be at least 0% and under 100%")
  }
}

func requireNonNegative(_ d: Dec, _ name: String) throws(DomainError) {
  if d.isNegative { throw .invalidFigure(name: name, value: d.description, expected: "must not be negative") }
}

/// Text of a count or day figure in a formula line.
func plain(_ d: Dec) -> String { d.normalized.description }
