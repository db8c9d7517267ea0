// Only C code includes libxml2's headers (see Sources/XMLShim): libxml2 includes ICU's
// headers, which clash with Foundation's private ICU when Swift imports them.
#include <libxml/xmlwriter.h>
