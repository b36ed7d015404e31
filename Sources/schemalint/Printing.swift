import Core
import Linter

/// What the commands print goes through `StandardStream`, so a failed write is exit 2 with a message.
func printOutput(_ text: String, terminator: String = "\n") throws(UsageFailure) {
    do {
        try StandardStream.output.write(text + terminator)
    } catch {
        throw UsageFailure("cannot write to standard output: \(error.reason)")
    }
}

/// Messages for standard error; if even that cannot be written there is nobody left to tell.
func printError(_ text: String) {
    try? StandardStream.error.write(text)
}
