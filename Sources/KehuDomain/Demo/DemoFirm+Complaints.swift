import KehuStore

extension DemoFirm {
  /// Timelines for the demo firm's four complaints, so every stage shows on the demo store: a
  /// fresh one under investigation, an overdue transport complaint with the carrier at fault,
  /// a closed contract complaint, and a service complaint resolved late with compensation paid.
  /// `parties` are each complaint's customer and owner, in complaint order.
  static func complaintTimelines(today: Day, parties: [(customer: Int64, owner: String)]) -> [Mutation] {
    typealias Step = (after: Int, event: String, stage: String?, note: String?, amount: Int64?)
    let plans: [(received: Int, type: String, fields: [String: Value], steps: [Step])] = [
      (
        -5, "quality", ["product": .text("P01"), "amount": .money(Money(fen: 1_360_000))],
        [
          (0, "acknowledged", "acknowledged", "已电话确认，请客户寄回故障机", nil),
          (1, "investigating", "investigating", "送检供应商", nil),
        ]
      ),
      (
        -22, "transport", ["responsibility": .text("carrier")],
        [
          (3, "acknowledged", "acknowledged", "周一回电致歉", nil),
          (4, "investigating", "investigating", "调取物流记录", nil),
          (5, "responsibility", nil, "carrier: 承运商中转延误", nil),
          (6, "meeting", nil, "attendees: 客户, 顺达物流, 张丽; outcome: 承运商承认延误，赔偿待定", nil),
        ]
      ),
      (
        -39, "contract",
        [
          "responsibility": .text("ours"), "remedy": .text("apology"), "resolution": .text("重开发票并致歉"),
        ],
        [
          (0, "acknowledged", "acknowledged", nil, nil),
          (1, "investigating", "investigating", "核对合同与开票记录", nil),
          (1, "responsibility", nil, "ours: 开票员录入错误", nil),
          (2, "proposed", "proposed", "重开发票并致歉", nil),
          (2, "remedy", nil, "apology", nil),
          (5, "resolved", "resolved", "客户确认新发票", nil),
          (9, "closed", "closed", nil, nil),
        ]
      ),
      (
        -56, "service",
        [
          "responsibility": .text("ours"), "remedy": .text("compensate"), "resolution": .text("补偿服务费并指定专人回访"),
          "compensation": .money(Money(fen: 50_000)),
        ],
        [
          (2, "acknowledged", "acknowledged", "客服主管回电", nil),
          (4, "proposed", "proposed", "补偿服务费并指定专人回访", nil),
          (4, "remedy", nil, "compensate (pay-out)", 50_000),
          (10, "resolved", "resolved", "客户接受", nil),
        ]
      ),
    ]
    var out: [Mutation] = []
    for (k, plan) in plans.enumerated() where k < parties.count {
      let id = Int64(k + 1)
      let received = today.adding(days: plan.received)
      let due = ComplaintPolicy.standard(plan.type).deadlines(received: received)
      var cells = plan.fields
      cells["ack_due"] = .date(due.ack)
      cells["resolve_due"] = .date(due.resolve)
      var last: String = "received"
      let steps: [Step] = [(0, "received", "received", nil, nil)] + plan.steps
      for (n, step) in steps.enumerated() {
        let day = received.adding(days: step.after)
        if let stage = step.stage {
          last = stage
          let column = ["acknowledged": "acknowledged", "resolved": "resolved", "closed": "closed"][stage]
          if let column { cells[column] = .date(day) }
        }
        var v: [String: Value] = [
          "complaint": .int(id), "customer": .int(parties[k].customer),
          "time": .timestamp(Timestamp(day: day, hour: 9 + n)), "actor": .text(parties[k].owner),
          "event": .text(step.event),
        ]
        if let s = step.stage { v["stage"] = .text(s) }
        if let note = step.note { v["note"] = .text(note) }
        if let fen = step.amount { v["amount"] = .money(Money(fen: fen)) }
        out.append(.insert(table: "complaint_events", values: v))
      }
      cells["stage"] = .text(last)
      out.append(.update(table: "complaints", key: .int(id), values: cells))
    }
    return out
  }
}
