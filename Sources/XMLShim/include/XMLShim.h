#ifndef POSTLINT_XMLSHIM_H
#define POSTLINT_XMLSHIM_H

// postlint's plain-C interface to libxml2: an XML writer for the JUnit and checkstyle
// reports, and a well-formedness check. Only plain C types cross this header, so Swift
// never sees libxml2's (or, through them, ICU's) declarations.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An XML document being written to memory (wraps libxml2's xmlTextWriter).
typedef struct PLXMLWriter PLXMLWriter;

/// Starts a UTF-8 document with an XML declaration; `indent` != 0 pretty-prints.
/// Returns NULL when libxml2 cannot allocate the writer.
PLXMLWriter *plxml_writer_create(int indent);

/// Each returns 0 on success and -1 on failure (after which the document is unusable).
/// Text and attribute values are UTF-8; characters XML 1.0 forbids (most C0 controls,
/// U+FFFE, U+FFFF, malformed UTF-8) are written as U+FFFD; markup is escaped by libxml2.
int plxml_start_element(PLXMLWriter *writer, const char *name);
int plxml_write_attribute(PLXMLWriter *writer, const char *name, const char *value);
int plxml_write_text(PLXMLWriter *writer, const char *text);
int plxml_end_element(PLXMLWriter *writer);

/// Closes every open element and the document, and returns the document as a
/// NUL-terminated UTF-8 string to release with plxml_free (NULL on failure). The writer
/// stays valid only for plxml_writer_free.
char *plxml_writer_finish(PLXMLWriter *writer, size_t *length);

void plxml_writer_free(PLXMLWriter *writer);
void plxml_free(void *memory);

/// Copies `text` with the characters XML 1.0 forbids replaced by U+FFFD. Release the
/// result with plxml_free.
char *plxml_sanitize(const char *text);

/// 1 when `bytes` is a well-formed XML document; otherwise 0, with the parser's first
/// error ("line 3: ...") copied into `message` (truncated to `capacity`).
int plxml_check_well_formed(const char *bytes, size_t length, char *message, size_t capacity);

#ifdef __cplusplus
}
#endif

#endif
