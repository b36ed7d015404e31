/// One standard metaschema shipped inside the binary (no network access is ever needed).
struct BundledMetaschema: Sendable {
    var uri: String
    var text: String
}

/// The metaschemas of the supported drafts, embedded by `generate.sh` from the shared copies.
enum BundledMetaschemas {
    static let all: [BundledMetaschema] = [
        Draft202012.schema, Draft202012.core, Draft202012.applicator, Draft202012.unevaluated, Draft202012.validation,
        Draft202012.metaData, Draft202012.formatAnnotation, Draft202012.formatAssertion, Draft202012.content,
        Draft201909.schema, Draft201909.core, Draft201909.applicator, Draft201909.validation, Draft201909.metaData,
        Draft201909.format, Draft201909.content,
        Draft7.schema, Draft6.schema, Draft4.schema,
    ]
}
