/// Typed accessors over the customer card and the sales it trades (see `TableAccess`).

/// The customer columns the rules and reports read; bind more here as readers move.
public struct Customers: TableAccess {
  public static let def = Catalog.customers
  public let table: Table
  public let id: RequiredCells<Int64>
  public let kind: RequiredCells<String>
  public let name: RequiredCells<String>
  public let status: RequiredCells<String>
  public let owner: Cells<String>
  public let area: Cells<String>
  public let creditClass: Cells<String>
  public let creditLimit: Cells<Money>
  public let limitMethod: Cells<String>
  public let limitDate: Cells<Day>
  // The classifications of §1 and the grades of §2.
  public let nature: Cells<String>
  public let stage: Cells<String>
  public let tenure: Cells<String>
  public let tier: Cells<String>
  public let industry: Cells<String>
  public let abcGrade: Cells<String>
  public let prospectGrade: Cells<String>
  // Where the customer is and how to reach it (§2.1, §2.6 step 5).
  public let address: Cells<String>
  public let businessAddress: Cells<String>
  public let phone: Cells<String>
  public let routeSeq: Cells<Int64>
  public let latitude: Cells<Dec>
  public let longitude: Cells<Dec>
  public let source: Cells<String>
  public let remarks: Cells<String>
  public let created: Cells<Timestamp>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    kind = b.required("kind")
    name = b.required("name")
    status = b.required("status")
    owner = b.cells("owner")
    area = b.cells("area")
    creditClass = b.cells("credit_class")
    creditLimit = b.cells("credit_limit")
    limitMethod = b.cells("limit_method")
    limitDate = b.cells("limit_date")
    nature = b.cells("nature")
    stage = b.cells("stage")
    tenure = b.cells("tenure")
    tier = b.cells("tier")
    industry = b.cells("industry")
    abcGrade = b.cells("abc_grade")
    prospectGrade = b.cells("prospect_grade")
    address = b.cells("address")
    businessAddress = b.cells("business_address")
    phone = b.cells("phone")
    routeSeq = b.cells("route_seq")
    latitude = b.cells("latitude")
    longitude = b.cells("longitude")
    source = b.cells("source")
    remarks = b.cells("remarks")
    created = b.cells("created")
  }

  private static let nameIndex = Catalog.customers.columnIndex("name")!

  /// One customer's name without binding the whole accessor: the lookup a loop over many
  /// rows makes.
  public static func name(_ db: Database, row: Int) -> String {
    db.customers.columns[nameIndex].string(row) ?? ""
  }

  /// The row of customer `id`.
  public func row(_ id: Int64) -> Int? { table.row(forId: id) }

  /// The column a count of customers is grouped by.
  public func cells(_ g: CustomerGrouping) -> Cells<String> {
    switch g {
    case .nature: return nature
    case .stage: return stage
    case .tenure: return tenure
    case .tier: return tier
    case .area: return area
    case .grade: return abcGrade
    case .industry: return industry
    }
  }
}

/// What customers can be grouped by: the classifications of §1, the area, the ABC grade and
/// the industry (`analyze composition by=`).
public enum CustomerGrouping: String, CaseIterable, Sendable {
  case nature, stage, tenure, tier, area, grade, industry
}

public struct Sales: TableAccess {
  public static let def = Catalog.sales
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let product: Cells<String>
  public let quantity: Cells<Int64>
  public let amount: RequiredCells<Money>
  public let cost: Cells<Money>
  /// The invoice the line was sold on.
  public let invoice: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    product = b.cells("product")
    quantity = b.cells("quantity")
    amount = b.required("amount")
    cost = b.cells("cost")
    invoice = b.cells("invoice")
  }
}

public struct Products: TableAccess {
  public static let def = Catalog.products
  public let table: Table
  public let code: RequiredCells<String>
  public let name: Cells<String>
  public let cost: Cells<Money>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    code = b.required("code")
    name = b.cells("name")
    cost = b.cells("cost")
  }
}

public struct Visits: TableAccess {
  public static let def = Catalog.visits
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let date: RequiredCells<Day>
  public let owner: Cells<String>
  public let kind: Cells<String>
  public let role: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    date = b.required("date")
    owner = b.cells("owner")
    kind = b.cells("kind")
    role = b.cells("role")
  }
}

public struct TradeStarts: TableAccess {
  public static let def = Catalog.tradeStarts
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
  }
}

public struct Competitors: TableAccess {
  public static let def = Catalog.competitors
  public let table: Table
  public let id: RequiredCells<Int64>
  public let area: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    area = b.cells("area")
  }
}

extension Database {
  /// A customer's name, or nil when there is no such customer (the one lookup every
  /// command that names customers uses).
  public func customerName(_ id: Int64) -> String? {
    customers.row(forId: id).map { Customers.name(self, row: $0) }
  }
}
