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
  // The individual or household card (§2.1).
  public let gender: Cells<String>
  public let education: Cells<String>
  public let age: Cells<Int64>
  public let interests: Cells<String>
  public let occupation: Cells<String>
  public let income: Cells<Money>
  // The company card (§2.1).
  public let orgName: Cells<String>
  public let enterpriseNature: Cells<String>
  public let businessScope: Cells<String>
  public let scale: Cells<String>
  public let dailySales: Cells<Money>
  public let operatingStatus: Cells<String>
  public let creditCode: Cells<String>
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
    gender = b.cells("gender")
    education = b.cells("education")
    age = b.cells("age")
    interests = b.cells("interests")
    occupation = b.cells("occupation")
    income = b.cells("income")
    orgName = b.cells("org_name")
    enterpriseNature = b.cells("enterprise_nature")
    businessScope = b.cells("business_scope")
    scale = b.cells("scale")
    dailySales = b.cells("daily_sales")
    operatingStatus = b.cells("operating_status")
    creditCode = b.cells("credit_code")
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

/// The trade start investigation forms (交易开始调查书, §2.4 rule 5.1) and their approvals.
public struct TradeStarts: TableAccess {
  public static let def = Catalog.tradeStarts
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let filed: RequiredCells<Day>
  public let filedBy: Cells<String>
  public let direction: Cells<String>
  public let expected: Cells<Money>
  public let note: Cells<String>
  /// Which approval the form awaits (`unit-head`, `chairman`), or `approved`.
  public let stage: RequiredCells<String>
  public let unitHead: Cells<String>
  public let unitHeadDate: Cells<Day>
  public let chairman: Cells<String>
  public let chairmanDate: Cells<Day>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    filed = b.required("filed")
    filedBy = b.cells("filed_by")
    direction = b.cells("direction")
    expected = b.cells("expected")
    note = b.cells("note")
    stage = b.required("stage")
    unitHead = b.cells("unit_head")
    unitHeadDate = b.cells("unit_head_date")
    chairman = b.cells("chairman")
    chairmanDate = b.cells("chairman_date")
  }
}

/// The competitor survey (竞争对手情况调查表, §2.4 step 3).
public struct Competitors: TableAccess {
  public static let def = Catalog.competitors
  public let table: Table
  public let id: RequiredCells<Int64>
  public let name: RequiredCells<String>
  public let strengths: Cells<String>
  public let weaknesses: Cells<String>
  public let area: Cells<String>
  /// The customer or prospect it was met at.
  public let customer: Cells<Int64>
  public let recorded: Cells<Day>
  public let recordedBy: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    name = b.required("name")
    strengths = b.cells("strengths")
    weaknesses = b.cells("weaknesses")
    area = b.cells("area")
    customer = b.cells("customer")
    recorded = b.cells("recorded")
    recordedBy = b.cells("recorded_by")
  }
}

/// Development tasks (§2.4 step 4): a prospect handed to a member of staff by a due date.
public struct DevelopTasks: TableAccess {
  public static let def = Catalog.developTasks
  public let table: Table
  public let id: RequiredCells<Int64>
  public let customer: RequiredCells<Int64>
  public let staff: RequiredCells<String>
  public let assigned: RequiredCells<Day>
  public let due: RequiredCells<Day>
  public let note: Cells<String>
  public let done: Cells<Day>
  public let result: Cells<String>
  public let assignedBy: Cells<String>

  public init(_ table: Table) {
    let b = ColumnBinder(table, for: Self.self)
    self.table = table
    id = b.required("id")
    customer = b.required("customer")
    staff = b.required("staff")
    assigned = b.required("assigned")
    due = b.required("due")
    note = b.cells("note")
    done = b.cells("done")
    result = b.cells("result")
    assignedBy = b.cells("assigned_by")
  }
}

extension Database {
  /// A customer's name, or nil when there is no such customer (the one lookup every
  /// command that names customers uses).
  public func customerName(_ id: Int64) -> String? {
    customers.row(forId: id).map { Customers.name(self, row: $0) }
  }
}
