// libxml2 behind a plain-C API (see include/XMLShim.h and DESIGN.md: libxml2's headers
// include ICU's, so they are included here and never seen by Swift).

#include "XMLShim.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PLXMLWriter {
    xmlBufferPtr buffer;
    xmlTextWriterPtr writer;
};

PLXMLWriter *plxml_writer_create(int indent) {
    PLXMLWriter *result = calloc(1, sizeof *result);
    if (result == NULL) return NULL;
    result->buffer = xmlBufferCreate();
    result->writer = result->buffer ? xmlNewTextWriterMemory(result->buffer, 0) : NULL;
    if (result->writer == NULL) {
        plxml_writer_free(result);
        return NULL;
    }
    if (indent) {
        xmlTextWriterSetIndent(result->writer, 1);
        xmlTextWriterSetIndentString(result->writer, BAD_CAST "  ");
    }
    if (xmlTextWriterStartDocument(result->writer, NULL, "UTF-8", NULL) < 0) {
        plxml_writer_free(result);
        return NULL;
    }
    return result;
}

/// Length of the UTF-8 sequence starting at `bytes` (1 for a malformed one), and in
/// `*allowed` whether it encodes a character XML 1.0 allows (#x9 | #xA | #xD |
/// [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]).
static size_t sequence_length(const unsigned char *bytes, int *allowed) {
    unsigned char lead = bytes[0];
    *allowed = 0;
    if (lead < 0x80) {
        *allowed = lead >= 0x20 || lead == '\t' || lead == '\n' || lead == '\r';
        return 1;
    }
    size_t length;
    uint32_t scalar;
    if ((lead & 0xE0) == 0xC0) { length = 2; scalar = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; scalar = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; scalar = lead & 0x07; }
    else return 1;
    for (size_t index = 1; index < length; index++) {
        if ((bytes[index] & 0xC0) != 0x80) return 1;  // also stops at the terminating NUL
        scalar = (scalar << 6) | (bytes[index] & 0x3F);
    }
    static const uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (scalar < smallest[length] || scalar > 0x10FFFF) return 1;  // overlong or too large
    *allowed = !(scalar >= 0xD800 && scalar <= 0xDFFF) && scalar != 0xFFFE && scalar != 0xFFFF;
    return length;
}

char *plxml_sanitize(const char *text) {
    static const char replacement[] = "\xEF\xBF\xBD";  // U+FFFD
    size_t length = strlen(text);
    // Worst case: every byte becomes the three bytes of U+FFFD.
    char *result = malloc(length * 3 + 1);
    if (result == NULL) return NULL;
    const unsigned char *input = (const unsigned char *)text;
    size_t in = 0, out = 0;
    while (in < length) {
        int allowed;
        size_t sequence = sequence_length(input + in, &allowed);
        if (allowed) {
            memcpy(result + out, input + in, sequence);
            out += sequence;
        } else {
            memcpy(result + out, replacement, 3);
            out += 3;
        }
        in += sequence;
    }
    result[out] = '\0';
    return result;
}

int plxml_start_element(PLXMLWriter *writer, const char *name) {
    return xmlTextWriterStartElement(writer->writer, BAD_CAST name) < 0 ? -1 : 0;
}

int plxml_write_attribute(PLXMLWriter *writer, const char *name, const char *value) {
    char *clean = plxml_sanitize(value);
    if (clean == NULL) return -1;
    int status = xmlTextWriterWriteAttribute(writer->writer, BAD_CAST name, BAD_CAST clean);
    free(clean);
    return status < 0 ? -1 : 0;
}

int plxml_write_text(PLXMLWriter *writer, const char *text) {
    char *clean = plxml_sanitize(text);
    if (clean == NULL) return -1;
    int status = xmlTextWriterWriteString(writer->writer, BAD_CAST clean);
    free(clean);
    return status < 0 ? -1 : 0;
}

int plxml_end_element(PLXMLWriter *writer) {
    return xmlTextWriterEndElement(writer->writer) < 0 ? -1 : 0;
}

char *plxml_writer_finish(PLXMLWriter *writer, size_t *length) {
    if (xmlTextWriterEndDocument(writer->writer) < 0) return NULL;
    if (xmlTextWriterFlush(writer->writer) < 0) return NULL;
    size_t size = (size_t)xmlBufferLength(writer->buffer);
    char *result = malloc(size + 1);
    if (result == NULL) return NULL;
    memcpy(result, xmlBufferContent(writer->buffer), size);
    result[size] = '\0';
    if (length) *length = size;
    return result;
}

void plxml_writer_free(PLXMLWriter *writer) {
    if (writer == NULL) return;
    if (writer->writer) xmlFreeTextWriter(writer->writer);
    if (writer->buffer) xmlBufferFree(writer->buffer);
    free(writer);
}

void plxml_free(void *memory) { free(memory); }

int plxml_check_well_formed(const char *bytes, size_t length, char *message, size_t capacity) {
    if (capacity > 0) message[0] = '\0';
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    if (context == NULL) {
        if (capacity > 0) snprintf(message, capacity, "cannot allocate a parser");
        return 0;
    }
    // No network, no entity expansion from outside, no messages printed to stderr.
    int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr document = xmlCtxtReadMemory(context, bytes, (int)length, "report.xml", NULL, options);
    int wellFormed = document != NULL && context->wellFormed;
    if (!wellFormed && capacity > 0) {
        const xmlError *error = xmlCtxtGetLastError(context);
        if (error != NULL && error->message != NULL) {
            snprintf(message, capacity, "line %d: %s", error->line, error->message);
        } else {
            snprintf(message, capacity, "not well-formed");
        }
    }
    if (document) xmlFreeDoc(document);
    xmlFreeParserCtxt(context);
    return wellFormed;
}
