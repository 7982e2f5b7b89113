/// Typed accessors over the complaint tables of §4 (see `TableAccess`).

public struct Complaints: TableAccess {
  public static let def = Catalog.complaints
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let type: Cells<String>
  public let description: Cells<String>
  public let stage: Cells<String>
  public let owner: Cells<String>
  public let resolution: Cells<String>
  public let compensation: Cells<Money>
  public let closed: Cells<Day>
  public let invoice: Cells<String>
  public let product: Cells<String>
  public let amount: Cells<Money>
  public let ackDue: Cells<Day>
  public let resolveDue: Cells<Day>
  public let acknowledged: Cells<Day>
  public let resolved: Cells<Day>
  public let responsibility: Cells<String>
  public let remedy: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    type = b.cells("type")
    description = b.cells("description")
    stage = b.cells("stage")
    owner = b.cells("owner")
    resolution = b.cells("resolution")
    compensation = b.cells("compensation")
    closed = b.cells("closed")
    invoice = b.cells("invoice")
    product = b.cells("product")
    amount = b.cells("amount")
    ackDue = b.cells("ack_due")
    resolveDue = b.cells("resolve_due")
    acknowledged = b.cells("acknowledged")
    resolved = b.cells("resolved")
    responsibility = b.cells("responsibility")
    remedy = b.cells("remedy")
  }
}

public struct ComplaintEvents: TableAccess {
  public static let def = Catalog.complaintEvents
  public let table: Table
  public let id: RequiredCells<Int64>
  public let complaint: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let time: RequiredCells<Timestamp>
  public let actor: Cells<String>
  public let event: RequiredCells<String>
  public let stage: Cells<String>
  public let note: Cells<String>
  public let amount: Cells<Money>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    complaint = b.required("complaint")
    customer = b.required("customer")
    time = b.required("time")
    actor = b.cells("actor")
    event = b.required("event")
    stage = b.cells("stage")
    note = b.cells("note")
    amount = b.cells("amount")
  }
}

public struct RecoveryClaims: TableAccess {
  public static let def = Catalog.complaintClaims
  public let table: Table
  public let id: RequiredCells<Int64>
  public let complaint: RequiredCells<Int64>
  public let against: RequiredCells<String>
  public let opened: RequiredCells<Day>
  public let claimed: RequiredCells<Money>
  public let recovered: RequiredCells<Money>
  public let recoveredOn: Cells<Day>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    complaint = b.required("complaint")
    against = b.required("against")
    opened = b.required("opened")
    claimed = b.required("claimed")
    recovered = b.required("recovered")
    recoveredOn = b.cells("recovered_on")
  }
}
