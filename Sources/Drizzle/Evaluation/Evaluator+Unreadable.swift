import Catalog
import TypeScript

/// Exports of schema files whose value the reader could not work out but which drizzle-kit may see as a table or
/// an enum: `export const users = createTable("users", { … })` with `createTable` from a package the reader
/// cannot see. The snapshot's tables (or enums) missing from the sources may be these, so none is "removed".
extension Evaluator {
    /// Reports an unknown export of `path` that is shaped like a table or enum definition and records the kind.
    func noteUnknownExport(_ path: String, _ name: String, visited: Set<String> = []) {
        guard !visited.contains(path), let module = module(path) else { return }
        guard let target = module.exports[name] else {
            for source in module.starExports {
                if let file = resolver.resolve(source, from: path) {
                    noteUnknownExport(file, name, visited: visited.union([path]))
                }
            }
            return
        }
        guard case .local(let local) = target, case .variable(let initializer?, let propertyPath, _)? = module.declarations[local],
              propertyPath.isEmpty, case .call(let call) = initializer.unwrapped,
              let kind = Self.definitionShape(call) else { return }
        // Only when the function itself is unknown: a known one (`pgTable` with an unreadable name) reported why.
        guard case .unknown(let reason) = evaluate(call.callee, Scope(module: path, parent: nil)) else { return }
        report(.unevaluable,
               "cannot evaluate `\(name)`, which looks like \(kind == .table ? "a table" : "an enum") definition: \(reason)",
               at: SourceLocation(path: path, range: call.range))
        unreadableElements.insert(kind)
    }

    /// `f("name", { … })` / `f("name", (t) => …)` may define a table; `f("name", [ … ])` an enum.
    private static func definitionShape(_ call: CallExpression) -> ElementKind? {
        guard call.arguments.count >= 2 else { return nil }
        switch call.arguments[0].unwrapped {
        case .string, .template: break
        default: return nil
        }
        switch call.arguments[1].unwrapped {
        case .object, .arrow, .function: return .table
        case .array: return .enum
        default: return nil
        }
    }
}
