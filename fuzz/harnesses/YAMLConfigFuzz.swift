// libFuzzer harness `yaml-config`: arbitrary bytes as `.schemalint.yml` through the real configuration reader
// (libyaml events, depth and node limits, every key and rule id checked against the built-in catalog).
// A valid configuration or a located configuration error are the only outcomes.
import Core

private let catalog = try! RuleCatalog.builtIn.get()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ConfigurationReader(catalog: catalog).read(bytes, file: ".schemalint.yml")
    return 0
}
