import FuzzerDriver
import Foundation
import PostLint

// libFuzzer entry point: the first byte picks the file name (and so the format), the rest
// is the file's bytes. Every stage a real run goes through is exercised: SourceFile
// decoding, the byte-level rules, Document building, every document rule, positions for
// every finding, and the Fixer with unsafe fixes; then the invariants below are checked.
// A broken invariant traps, which libFuzzer records as a crash with its input.

private let fileNames = ["post.md", "post.mdx", "post.txt"]
private let linter = Linter()
private let settings = Configuration(baseDirectory: "/").settings(forRelativePath: "post")
private let context = RuleContext(fileExists: { _ in false }, severity: .error)
/// With POSTLINT_FUZZ_REQUIRE_SETTLE=1, fixes that do not settle within the Fixer's pass
/// bound count as failures too (off by default: a refusal is a safe outcome).
private let requireSettle = getenv("POSTLINT_FUZZ_REQUIRE_SETTLE").map { String(cString: $0) == "1" } ?? false

/// The executable's entry (SwiftPM names it `<target>_main` and links `main` to it).
@_cdecl("PostLintFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = fileNames[Int(bytes[0]) % fileNames.count]
    check(SourceFile(path: path, bytes: Array(bytes.dropFirst())))
    return 0
}

private func check(_ source: SourceFile) {
    _ = linter.checkSource(source, settings: settings, context: context)
    guard let document = Document(source: source) else {
        require(source.text == nil, "a source with text must give a document")
        return
    }
    let diagnose = { (document: Document) -> [Diagnostic] in
        let diagnostics = linter.check(document, settings: settings, context: context)
        checkPlacement(diagnostics, in: document)
        return diagnostics
    }
    let fixer = Fixer(includeUnsafe: true)
    switch fixer.fix(document, diagnose: diagnose) {
    case .unchanged:
        break
    case .refused(let reason):
        require(!requireSettle || !reason.contains("did not settle"), "fixes did not settle: \(reason)")
    case .fixed(let text, _):
        guard let fixed = Document(source: SourceFile(path: source.path, text: text)) else {
            fail("the fixed text does not decode")
        }
        // The Fixer stopped because no fix was left on this very text: a second run on it
        // must find nothing more to do.
        switch fixer.fix(fixed, diagnose: diagnose) {
        case .unchanged: break
        case .fixed(let again, let applied):
            fail("a second fix pass changed the text again (\(applied.map(\.rule))): \(again.debugDescription)")
        case .refused(let reason): fail("a second fix pass was refused: \(reason)")
        }
    }
}

/// Every finding and edit lies inside the text and on Unicode scalar boundaries: an edit
/// that split a scalar would make the Fixer write U+FFFD where a byte was.
private func checkPlacement(_ diagnostics: [Diagnostic], in document: Document) {
    let utf8 = document.utf8
    func onBoundary(_ offset: Int) -> Bool {
        offset >= 0 && offset <= utf8.count && (offset == utf8.count || utf8[offset] & 0xC0 != 0x80)
    }
    for diagnostic in diagnostics {
        let range = diagnostic.range
        require(onBoundary(range.lowerBound) && onBoundary(range.upperBound),
                "\(diagnostic.rule): finding range \(range) is outside the text or splits a scalar")
        _ = Finding(diagnostic: diagnostic, in: document)
        for edit in diagnostic.fix?.edits ?? [] {
            require(onBoundary(edit.range.lowerBound) && onBoundary(edit.range.upperBound),
                    "\(diagnostic.rule): edit range \(edit.range) is outside the text or splits a scalar")
        }
    }
}

private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fail(message()) }
}

private func fail(_ message: String) -> Never {
    fatalError("postlint fuzz invariant: \(message)")
}
