import KehuStore

/// Customer codes at the shell's edges (see `CustomerCode`): a code the user writes becomes
/// the store's key here, and a key goes back to its code wherever a person or a file reads
/// it. Everything between works on the integer keys.
extension ParsedArguments {
  /// The customer named by argument `name` (`HD-001`, `1001`), as its key.
  func customerKey(_ name: String, in db: Database, mustExist: Bool = true) throws(ShellError) -> Int64 {
    let text = self.text(name) ?? ""
    if let why = CustomerCode.problem(text) {
      throw error(tr("`{0}` is not a customer id: {1}", text, tr(why)), at: name)
    }
    guard let key = db.customerKey(text), !mustExist || db.customers.row(forId: key) != nil else {
      throw error(tr("no customer {0}", text), at: name)
    }
    return key
  }
}

extension Database {
  /// A cell as a person reads it: a code's key becomes the code.
  func codeText(_ v: Value) -> Value {
    if case .int(let k) = v, CustomerCode.isReserved(k), hasTextCodes { return .text(customerCode(k)) }
    return v
  }

  /// The result with every customer key shown as its code. Keys of text codes are the only
  /// integers from `CustomerCode.reservedBase` up, so no column needs to say it holds one;
  /// a store with only numeric codes returns the result untouched.
  func showingCodes(_ t: ResultTable) -> ResultTable {
    guard hasTextCodes else { return t }
    var out = t
    for r in out.rows.indices {
      for c in out.rows[r].indices {
        if case .int(let k) = out.rows[r][c], CustomerCode.isReserved(k) {
          out.rows[r][c] = codeText(.int(k))
        }
      }
    }
    return out
  }
}

extension Database {
  /// `text` with every key of a text code written as that code. Messages and titles take a
  /// customer's key as a number (`no customer {0}`); this is the one place that turns it
  /// back, so no handler needs to. A key is 19 digits from 4611686018427387904 (2^62) up:
  /// no count, amount or date a message shows is written so.
  func replacingKeys(in text: String) -> String {
    guard hasTextCodes else { return text }
    let u = Array(text.utf8)
    var out: [UInt8] = []
    var i = 0
    var changed = false
    while i < u.count {
      guard u[i] >= UInt8(ascii: "4") && u[i] <= UInt8(ascii: "9"), i == 0 || !isDigit(u[i - 1]) else {
        out.append(u[i])
        i += 1
        continue
      }
      var e = i
      while e < u.count && isDigit(u[e]) { e += 1 }
      if e - i == 19, let k = Int64(String(decoding: u[i..<e], as: UTF8.self)), CustomerCode.isReserved(k),
        case .text(let code) = codeText(.int(k))
      {
        out.append(contentsOf: code.utf8)
        changed = true
      } else {
        out.append(contentsOf: u[i..<e])
      }
      i = e
    }
    return changed ? String(decoding: out, as: UTF8.self) : text
  }

  private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
