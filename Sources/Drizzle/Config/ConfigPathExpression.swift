import Core
import TypeScript

/// Works out the path values real drizzle configs compute instead of writing them literally:
/// `path.join(__dirname, "schema.ts")`, `path.resolve(…)`, `fileURLToPath(new URL("./schema.ts", import.meta.url))`,
/// `relative(process.cwd(), …)`, template literals and `process.env.X ?? "./fallback"`. The config is taken to run
/// in its own folder (drizzle-kit is run from there), so `process.cwd()` and `__dirname` are that folder.
struct ConfigPathExpression {
    /// A path as the config computes it.
    enum PathValue {
        /// A string used as written: relative to the folder drizzle-kit runs in.
        case text(String)
        /// An absolute path on the machine, known as a repository-relative path.
        case absolute(String)
        /// A `file:` URL of a repository-relative path (`import.meta.url`, `new URL("./x", import.meta.url)`).
        case fileURL(String)
    }

    let module: ModuleIndex
    /// Everything else (imported constants, plain values) goes to the general evaluator.
    let evaluate: (ExpressionSyntax) -> Value
    /// The file a package specifier names from the config (`require.resolve("@acme/db/schema")`), as an import
    /// from the config resolves it: workspace packages' `exports`, tsconfig paths.
    var resolveModule: (String) -> String? = { _ in nil }

    private var configPath: String { module.path }
    private var folder: String { RelativePath.directory(of: configPath) }

    /// The paths of a `schema`/`out` value, relative to the config's folder; nil when any of them cannot be read.
    func paths(_ expression: ExpressionSyntax) -> [String]? {
        if case .array(let array) = expression.unwrapped {
            var result: [String] = []
            for element in array.elements {
                guard let element, let path = paths(element), path.count == 1 else { return nil }
                result += path
            }
            return result
        }
        if case .identifier(let identifier) = expression.unwrapped, let initializer = localInitializer(identifier.name),
           case .array = initializer.unwrapped {
            return paths(initializer)
        }
        if let value = value(expression, depth: 0) {
            switch value {
            case .text(let text): return [text]
            case .absolute(let path): return [Self.relative(from: folder, to: path)]
            case .fileURL: return nil
            }
        }
        switch evaluate(expression) {
        case .string(let text): return [text]
        case .array(let elements):
            let texts = elements.compactMap(\.stringValue)
            return texts.count == elements.count ? texts : nil
        default: return nil
        }
    }

    private func value(_ expression: ExpressionSyntax, depth: Int) -> PathValue? {
        guard depth < 16 else { return nil }
        switch expression.unwrapped {
        case .string(let literal): return .text(literal.value)
        case .template(let template): return templateValue(template, depth: depth)
        case .identifier(let identifier):
            switch identifier.name {
            case "__dirname": return .absolute(folder)
            case "__filename": return .absolute(configPath)
            default:
                if let initializer = localInitializer(identifier.name) { return value(initializer, depth: depth + 1) }
                return evaluate(expression).stringValue.map(PathValue.text)
            }
        case .member(let member):
            if case .metaProperty(let meta) = member.object.unwrapped, meta.meta.name == "import" {
                switch member.property.name {
                case "url": return .fileURL(configPath)
                case "dirname": return .absolute(folder)
                case "filename": return .absolute(configPath)
                default: return nil
                }
            }
            return evaluate(expression).stringValue.map(PathValue.text)
        case .binary(let binary) where binary.operator == .nullishCoalescing || binary.operator == .logicalOr:
            // The environment is read as unset, so the fallback is what a fresh checkout uses.
            guard Self.isEnvironmentRead(binary.left) else { return evaluate(expression).stringValue.map(PathValue.text) }
            return value(binary.right, depth: depth + 1)
        case .new(let new):
            guard Self.calleeName(new.callee) == "URL", let arguments = new.arguments, arguments.count == 2,
                  case .text(let relative)? = value(arguments[0], depth: depth + 1),
                  case .fileURL(let base)? = value(arguments[1], depth: depth + 1),
                  let resolved = RelativePath.join(RelativePath.directory(of: base), relative) else { return nil }
            return .fileURL(resolved)
        case .call(let call):
            return callValue(call, depth: depth)
        default:
            return evaluate(expression).stringValue.map(PathValue.text)
        }
    }

    private func callValue(_ call: CallExpression, depth: Int) -> PathValue? {
        let arguments = call.arguments.map { value($0, depth: depth + 1) }
        switch Self.calleeName(call.callee) {
        case "cwd": return .absolute(folder)
        case "fileURLToPath":
            guard case .fileURL(let path)? = arguments.first else { return nil }
            return .absolute(path)
        case "join":
            guard let first = arguments.first ?? nil else { return nil }
            var texts: [String] = []
            for argument in arguments.dropFirst() {
                guard case .text(let text)? = argument else { return nil }
                texts.append(text)
            }
            switch first {
            case .absolute(let base): return RelativePath.join(base, texts.joined(separator: "/")).map(PathValue.absolute)
            case .text(let base): return .text(Self.normalizedJoin([base] + texts))
            case .fileURL: return nil
            }
        case "resolve" where Self.isRequireResolve(call.callee):
            // `require.resolve("@acme/db/schema")`: a module, found as the config would import it.
            guard arguments.count == 1, case .text(let specifier)? = arguments[0] else { return nil }
            if specifier.hasPrefix(".") || specifier.hasPrefix("/") {
                return RelativePath.join(folder, specifier).map(PathValue.absolute)
            }
            // Not in the repository (a package from the registry): kept as written, which names no file.
            return resolveModule(specifier).map(PathValue.absolute) ?? .text(specifier)
        case "resolve":
            // Resolved against the working directory: the config's folder.
            var current = folder
            for argument in arguments {
                switch argument {
                case .absolute(let path)?: current = path
                case .text(let text)? where !text.hasPrefix("/"):
                    guard let joined = RelativePath.join(current, text) else { return nil }
                    current = joined
                default: return nil
                }
            }
            return .absolute(current)
        case "relative":
            guard arguments.count == 2, case .absolute(let from)? = arguments[0], case .absolute(let to)? = arguments[1] else { return nil }
            return .text(Self.relative(from: from, to: to))
        case "dirname":
            guard case .absolute(let path)? = arguments.first else { return nil }
            return .absolute(RelativePath.directory(of: path))
        default:
            return nil
        }
    }

    private func templateValue(_ template: TemplateLiteral, depth: Int) -> PathValue? {
        var text = template.quasis.first?.cooked ?? ""
        var absoluteBase: String?
        for (index, expression) in template.expressions.enumerated() {
            switch value(expression, depth: depth + 1) {
            case .text(let part)?: text += part
            case .absolute(let path)? where index == 0 && text.isEmpty: absoluteBase = path
            default: return nil
            }
            text += index + 1 < template.quasis.count ? template.quasis[index + 1].cooked ?? "" : ""
        }
        guard let absoluteBase else { return .text(text) }
        return RelativePath.join(absoluteBase, text).map(PathValue.absolute)
    }

    /// The initializer of a top-level `const` of the config file.
    private func localInitializer(_ name: String) -> ExpressionSyntax? {
        guard case .variable(let initializer, let path, _)? = module.declarations[name], path.isEmpty else { return nil }
        return initializer
    }

    /// `join`, `path.join`, `path.posix.join`, `url.fileURLToPath`, `process.cwd` → the last name.
    /// `require.resolve(…)` (also `createRequire(import.meta.url)`'s `require`), not `path.resolve(…)`.
    static func isRequireResolve(_ callee: ExpressionSyntax) -> Bool {
        guard case .member(let member) = callee.unwrapped, case .identifier(let object) = member.object.unwrapped else { return false }
        return object.name == "require"
    }

    static func calleeName(_ callee: ExpressionSyntax) -> String? {
        switch callee.unwrapped {
        case .identifier(let identifier): identifier.name
        case .member(let member): member.property.name
        default: nil
        }
    }

    /// `process.env.X` or `process.env["X"]`.
    static func isEnvironmentRead(_ expression: ExpressionSyntax) -> Bool {
        let object: ExpressionSyntax
        switch expression.unwrapped {
        case .member(let member): object = member.object
        case .element(let element): object = element.object
        default: return false
        }
        guard case .member(let env) = object.unwrapped, env.property.name == "env",
              case .identifier(let process) = env.object.unwrapped else { return false }
        return process.name == "process"
    }

    /// `path.join` of relative parts: `.` and `..` collapsed where they can be, leading `..` kept.
    static func normalizedJoin(_ parts: [String]) -> String {
        var result: [String] = []
        for part in parts.joined(separator: "/").split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = result.last, last != ".." { result.removeLast(); continue }
            result.append(String(part))
        }
        return result.isEmpty ? "." : result.joined(separator: "/")
    }

    /// `path.relative(from, to)` for repository-relative folders (`packages/db` → `packages/db/schema.ts` is
    /// `schema.ts`; `apps/web` → `packages/db` is `../../packages/db`).
    static func relative(from: String, to: String) -> String {
        let fromParts = from.split(separator: "/"), toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count, common < toParts.count, fromParts[common] == toParts[common] { common += 1 }
        let parts = Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
