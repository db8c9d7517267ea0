/// TeX math in prose, as MathJax and KaTeX sites render it: `$$...$$`, `$...$`, `\(...\)`
/// and `\[...\]`. LaTeX inside math is meant; rules about LaTeX residue skip it.
enum MathSpans {
    /// The document's math spans, found once per document (several rules skip math).
    static func find(in document: Document) -> [Range<Int>] {
        document.derived.value(key) { scan(document) }
    }

    static let key = "math-spans"

    /// Regions where `$` and `\` open no math.
    static let codeKinds: Set<Region.Kind> = [.codeBlock, .codeSpan, .frontMatter, .esm, .htmlComment]

    static func scan(_ document: Document) -> [Range<Int>] {
        scan(document.utf8, code: document.regions.filter { codeKinds.contains($0.kind) }.map(\.range))
    }

    /// The math of `bytes` outside `code` (what a document knows before its MDX expressions
    /// are found: braces in math are TeX, not expressions, under remark-math).
    static func scan(_ bytes: [UInt8], code unsorted: [Range<Int>]) -> [Range<Int>] {
        let code = Document.merged(unsorted.sorted { $0.lowerBound < $1.lowerBound })
        var spans: [Range<Int>] = []
        var index = 0
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
        // Closers known to be absent from an offset on: a post of unclosed `\(` or
        // `\begin{array}` is searched to its end once per kind, not once per opening.
        var absent: [[UInt8]: Int] = [:]
        while index < bytes.count {
            // Only `$` and `\` open math: step over everything else without a look.
            let byte = bytes[index]
            if byte != dollar, byte != backslash {
                index += 1
                continue
            }
            // MathJax renders math in prose and in HTML (`<figcaption>`), never in code; and
            // `\begin{equation}` named in prose is not closed by a later code block's `\end`.
            if let span = span(at: index, in: bytes, absent: &absent), !code.anyContains(index),
                !Self.holdsCode(span, code)
            {
                spans.append(span)
                index = span.upperBound
                continue
            }
            // An escaped backslash that opens no `\\(` math opens nothing either.
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return spans
    }

    /// Whether code begins inside a span that does not begin in code.
    private static func holdsCode(_ span: Range<Int>, _ code: [Range<Int>]) -> Bool {
        let next = code.firstIndex(endingAfter: span.lowerBound)
        return next < code.count && code[next].lowerBound < span.upperBound
    }

    /// The math span opening at `index`, if one does.
    private static func span(at index: Int, in bytes: [UInt8], absent: inout [[UInt8]: Int]) -> Range<Int>? {
        func closing(_ delimiter: [UInt8], after start: Int, in bytes: [UInt8], sameLine: Bool) -> Int? {
            // Only closers that start with `\` are searched for without skipping escapes, so
            // only theirs are absent from every later offset too.
            guard delimiter.first == backslash else { return Self.closing(delimiter, after: start, in: bytes, sameLine: sameLine) }
            if let from = absent[delimiter], start >= from { return nil }
            let found = Self.closing(delimiter, after: start, in: bytes, sameLine: sameLine)
            if found == nil { absent[delimiter] = min(absent[delimiter] ?? start, start) }
            return found
        }
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\")
        func next(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        if bytes[index] == dollar, next(1) == dollar {
            return closing([dollar, dollar], after: index + 2, in: bytes, sameLine: false).map { index..<$0 }
        }
        // Markdown eats one backslash, so MathJax posts write `\\(...\\)` and `\\[...\\]`.
        if bytes[index] == backslash, next(1) == backslash, let bracket = next(2), bracket == UInt8(ascii: "(") || bracket == UInt8(ascii: "[") {
            let close = bracket == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
            return closing([backslash, backslash, close], after: index + 3, in: bytes, sameLine: false).map { index..<$0 }
        }
        if bytes[index] == backslash, next(1) == UInt8(ascii: "(") {
            return closing([backslash, UInt8(ascii: ")")], after: index + 2, in: bytes, sameLine: false).map { index..<$0 }
        }
        if bytes[index] == backslash, next(1) == UInt8(ascii: "[") {
            return closing([backslash, UInt8(ascii: "]")], after: index + 2, in: bytes, sameLine: false).map { index..<$0 }
        }
        // MathJax and KaTeX's auto-render take a bare `\begin{equation}` … `\end{equation}`
        // (align, gather, matrix, …) as display math.
        if bytes[index] == backslash, let environment = mathEnvironment(at: index, in: bytes) {
            return closing(Array("\\end{\(environment)}".utf8), after: index, in: bytes, sameLine: false).map { index..<$0 }
        }
        // `$x$`: no space inside the dollars and no digit right after the closing one, so
        // prices ("$5 and $10") are not math (Pandoc's rule).
        // MathJax sites also write `$ x^2 $`: spaces are allowed when the inside is TeX.
        // Hard-wrapped posts break a formula's line (`$\sum_j` / `e^{z_j}$`): TeX may go on
        // to the next line of its paragraph, once.
        if bytes[index] == dollar, let first = next(1), first != 0x0A, first != dollar {
            var end = index + 1
            var looksLikeTeX = false
            var wrapped = false
            while end < bytes.count {
                if bytes[end] == 0x0A {
                    guard !wrapped, !Self.startsBlankLine(bytes, after: end) else { break }
                    wrapped = true
                }
                if [backslash, UInt8(ascii: "^"), UInt8(ascii: "_")].contains(bytes[end]) { looksLikeTeX = true }
                if bytes[end] == backslash { end += 2; continue }
                if bytes[end] == dollar {
                    let spaced = first == 0x20 || bytes[end - 1] == 0x20
                    let after = end + 1 < bytes.count ? bytes[end + 1] : 0x20
                    let price = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(after)
                    return (!spaced || looksLikeTeX) && !price && (!wrapped || looksLikeTeX) ? index..<end + 1 : nil
                }
                end += 1
            }
        }
        return nil
    }

    /// Whether the line after the line feed at `newline` is blank (a paragraph ends).
    private static func startsBlankLine(_ bytes: [UInt8], after newline: Int) -> Bool {
        var index = newline + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
        return index >= bytes.count || bytes[index] == 0x0A
    }

    static let mathEnvironments: Set<String> = [
        "equation", "align", "alignat", "gather", "multline", "flalign", "eqnarray", "split", "math", "displaymath",
        "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix", "cases", "array", "aligned", "gathered",
    ]

    /// The name (starred or not) of the math environment `\begin{…}` opens at `index`.
    private static func mathEnvironment(at index: Int, in bytes: [UInt8]) -> String? {
        let opening = Array("\\begin{".utf8)
        guard bytes[index...].starts(with: opening) else { return nil }
        let nameStart = index + opening.count
        guard let close = bytes[nameStart...].prefix(24).firstIndex(of: UInt8(ascii: "}")) else { return nil }
        let name = String(decoding: bytes[nameStart..<close], as: UTF8.self)
        let base = name.hasSuffix("*") ? String(name.dropLast()) : name
        return mathEnvironments.contains(base) ? name : nil
    }

    private static func closing(_ delimiter: [UInt8], after start: Int, in bytes: [UInt8], sameLine: Bool) -> Int? {
        var index = start
        while index + delimiter.count <= bytes.count {
            if bytes[index] == 0x0A, sameLine { return nil }
            if bytes[index] == delimiter[0], Array(bytes[index..<index + delimiter.count]) == delimiter {
                return index + delimiter.count
            }
            if bytes[index] == UInt8(ascii: "\\"), delimiter[0] != UInt8(ascii: "\\") { index += 1 }
            index += 1
        }
        return nil
    }
}
