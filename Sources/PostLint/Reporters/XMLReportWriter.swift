import XMLShim

/// Writes an XML report with libxml2's xmlTextWriter (through the plain-C XMLShim):
/// libxml2 escapes markup and quotes; the shim replaces the characters XML 1.0 forbids
/// (most C0 controls, U+FFFE, U+FFFF) with U+FFFD, so any message makes a well-formed file.
final class XMLReportWriter {
    private let writer: OpaquePointer

    /// libxml2 fails only when it cannot allocate memory; a report cannot be written then.
    init() {
        guard let writer = plxml_writer_create(1) else { fatalError("libxml2 cannot create an XML writer") }
        self.writer = writer
    }

    deinit { plxml_writer_free(writer) }

    /// Writes `<name attributes...>` with `text` (when given) and whatever `content`
    /// writes inside, then closes it. Attributes keep the order given.
    func element(_ name: String, _ attributes: [(String, String)] = [], text: String? = nil, content: () -> Void = {}) {
        check(plxml_start_element(writer, name))
        for (key, value) in attributes {
            check(plxml_write_attribute(writer, key, value))
        }
        if let text { check(plxml_write_text(writer, text)) }
        content()
        check(plxml_end_element(writer))
    }

    /// The finished document, ending in a newline.
    func finish() -> String {
        var length = 0
        guard let bytes = plxml_writer_finish(writer, &length) else { fatalError("libxml2 cannot finish the XML report") }
        defer { plxml_free(bytes) }
        let text = String(cString: bytes)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    private func check(_ status: Int32) {
        if status != 0 { fatalError("libxml2 cannot write the XML report") }
    }
}

/// libxml2's parser as a well-formedness check (the tests parse every XML report back).
public enum XMLWellFormedness {
    /// nil when `text` is a well-formed XML document, else the parser's first error.
    public static func error(in text: String) -> String? {
        var message = [CChar](repeating: 0, count: 512)
        let utf8 = Array(text.utf8)
        let wellFormed = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                plxml_check_well_formed(chars.baseAddress, chars.count, &message, message.count)
            }
        }
        return wellFormed == 1 ? nil : String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
