// libFuzzer harness `sql`: arbitrary bytes as a migration file through the SQL module: breakpoint split,
// complexity and comment checks, libpg_query's parser and the typed statement model. Statement and error ranges
// must lie inside the file (findings are located from them).
import SQL

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SQLParser.parseFile(bytes)
    for error in file.syntaxErrors {
        precondition(error.range.lowerBound >= 0 && error.range.upperBound <= size, "syntax error located outside the file")
    }
    return 0
}
