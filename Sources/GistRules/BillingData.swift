import Core
import Gists
import JSON
import ProjectModel

/// `gist/billing-data`: billing or financial data kept in a Gist. The design keeps financial data in PostgreSQL
/// (ACID, access control); a Gist is readable by anyone with its URL and keeps every revision.
public struct BillingData: ProjectRule {
    public let id = "gist/billing-data"
    public let facets: Facets = [.gists]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let allowed = context.options.strings("allow")
        for file in project.gists.files {
            guard let root = file.document else { continue }
            let found = file.role == .schema ? Self.schemaProperties(root, allowed: allowed) : Self.dataKeys(root, allowed: allowed)
            for member in found {
                let subject = file.role == .schema ? "property `\(member.key)` describes" : "key `\(member.key)` holds"
                context.report(
                    path: file.path, range: member.keyRange,
                    message: "\(subject) billing data, which belongs in PostgreSQL, not in a Gist anyone with its URL can read",
                    help: "move the records to a PostgreSQL table and keep at most an id in the Gist, or add the path to the rule's `allow` option if it is price-list configuration")
            }
            guard file.role == .data else { continue }
            for (pointer, node, kind) in Self.paymentNumbers(root, allowed: allowed) {
                context.report(
                    path: file.path, range: node.range,
                    message: "\(kind == "IBAN" ? "an" : "a") \(kind) is stored at `\(pointer)`, readable by anyone with the Gist's URL",
                    help: "remove it from the Gist and its history; keep payment details with the payment provider or in PostgreSQL")
            }
        }
    }

    /// Outermost matching keys of a data document, each key name once; booleans (feature switches) are skipped.
    static func dataKeys(_ root: JSONNode, allowed: [String]) -> [JSONMember] {
        var found: [JSONMember] = []
        var seen = Set<String>()
        // Records repeat their keys: classify each distinct key once.
        var isBillingKey: [String: Bool] = [:]
        JSONPathWalk.walk(root) { visit in
            guard let holder = visit.holder else { return true }
            if isAllowed(visit.path.pointer, allowed) { return false }
            let matches = isBillingKey[holder.key] ?? {
                let result = BillingTerms.matches(holder.key)
                isBillingKey[holder.key] = result
                return result
            }()
            guard matches, holder.value.boolValue == nil else { return true }
            if seen.insert(holder.key).inserted { found.append(holder) }
            return false
        }
        return found
    }

    /// String values that are card numbers or IBANs (by their check digits), outside allowed paths and outside keys
    /// already reported; each key name once.
    static func paymentNumbers(_ root: JSONNode, allowed: [String]) -> [(String, JSONNode, String)] {
        var found: [(String, JSONNode, String)] = []
        var seen = Set<String>()
        JSONPathWalk.walk(root) { visit in
            guard case .string(let text) = visit.node.value, let kind = PaymentNumbers.kind(of: text),
                  !isAllowed(visit.path.pointer, allowed), !visit.path.containsKey(where: BillingTerms.matches),
                  seen.insert(visit.key ?? "").inserted else { return true }
            found.append((visit.path.displayPointer, visit.node, kind))
            return true
        }
        return found
    }

    /// Whether an `allow` pattern covers the pointer; never builds anything when there are no patterns.
    static func isAllowed(_ pointer: @autoclosure () -> String, _ allowed: [String]) -> Bool {
        guard !allowed.isEmpty else { return false }
        let pointer = pointer()
        return allowed.contains { SchemaInstancePaths.pattern($0, covers: pointer) }
    }

    /// Matching property definitions of a schema, outermost only, each name once. `allow` patterns are matched
    /// against the data locations a property describes (`/plans/*/pricing`, following local `$ref`s) and against
    /// its pointer in the schema.
    static func schemaProperties(_ root: JSONNode, allowed: [String]) -> [JSONMember] {
        let instancePaths = allowed.isEmpty ? nil : SchemaInstancePaths(root: root)
        var found: [JSONMember] = []
        var seen = Set<String>()
        var flaggedPointers: [String] = []
        SchemaWalk.forEachSchema(root) { schema in
            guard schema.keyword == "properties", let holder = schema.holder,
                  schema.node["type"]?.stringValue != "boolean", BillingTerms.matches(holder.key) else { return }
            if flaggedPointers.contains(where: { schema.pointer.hasPrefix($0 + "/") }) { return }
            let locations = [schema.pointer] + (instancePaths?.patterns[schema.pointer] ?? [])
            if locations.contains(where: { isAllowed($0, allowed) }) { return }
            flaggedPointers.append(schema.pointer)
            if seen.insert(holder.key).inserted { found.append(holder) }
        }
        return found
    }
}
