// Text escaping for the exporters' output languages: XML (GraphML), DOT
// label strings (Graphviz) and CSV fields (neo4j-admin import).
//
// Library writers escape only part of what these formats need (Boost's
// write_graphml leaves control characters that make XML ill-formed;
// write_graphviz_dp escapes only '"'), so every exported string goes through
// one of these functions instead. Each first makes the text valid UTF-8
// (SanitizeUtf8: bad bytes become U+FFFD), then applies the format's table,
// documented per function. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "exporters/text_output.h"

namespace kith {

// Text for an XML 1.0 attribute value (either quote style) or element
// content: & < > " ' become entities; tab, line feed and carriage return
// become character references (so attribute-value normalization keeps them);
// the characters XML 1.0 forbids even as references (other C0 controls,
// U+FFFE, U+FFFF) become U+FFFD. Other characters, non-ASCII included, stay
// as UTF-8.
std::string EscapeXml(std::string_view text);

// A complete double-quoted DOT string for a label-like attribute (label,
// xlabel, tooltip), with the quotes: '"' -> \", '\' -> \\ (so that Graphviz's
// escString reads no \N, \G, \l ... in a name), a line break (LF, CR or CRLF)
// -> \n, tab -> space, '&' -> &amp; (Graphviz reads entities such as &lt; in
// labels), and the characters SVG (XML) cannot hold -> U+FFFD: C0 and C1
// controls, U+FFFE, U+FFFF. Other non-ASCII characters stay UTF-8 (Graphviz's
// default charset; the DOT exporter also says charset="UTF-8"): Graphviz 2.42
// turns a &#N; reference above U+FFFF, an emoji, into invalid UTF-8. Keywords
// such as node or strict need nothing more: a quoted string is never a keyword.
std::string QuoteDot(std::string_view text);

// A complete double-quoted CSV field (RFC 4180 quoting, which neo4j-admin and
// Python's csv read): '"' -> "". Line breaks stay (the reader must accept
// multi-line fields); control characters other than tab, LF and CR, and
// U+001F (kith's array delimiter, see neo4j_exporter.h), become U+FFFD.
std::string QuoteCsv(std::string_view text);

// The same three, appended to *out without a temporary string.
void AppendEscapedXml(std::string_view text, TextOutput* out);
void AppendQuotedDot(std::string_view text, TextOutput* out);
void AppendQuotedCsv(std::string_view text, TextOutput* out);

// QuoteCsv of the items joined by U+001F (a neo4j-admin array field).
std::string QuoteCsvArray(const std::vector<std::string>& items);

// Compact JSON text for values embedded in another format (a GraphML
// attribute, a CSV field): an array of strings, an array of integers, an
// object of strings (keys in map order). Strings are made valid UTF-8 first.
std::string JsonArray(const std::vector<std::string>& items);
std::string JsonArray(const std::vector<std::int64_t>& items);
std::string JsonObject(const std::map<std::string, std::string>& members);

}  // namespace kith
