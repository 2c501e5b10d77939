// Writes an OOXML package: its parts zipped in memory with libzip, in the order given (Office
// reads [Content_Types].xml first when it comes first), UTF-8 names and one fixed timestamp so
// that the same parts always give the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dutylist::package {

struct ZipEntry {
    std::string path;  // "word/document.xml"
    std::string_view bytes;
};

enum class ZipMethod { deflate, store };

// The ZIP of these entries. `what` ("the DOCX package") names it in the message on failure.
std::string write_zip(const std::vector<ZipEntry>& entries, const std::string& what, ZipMethod method = ZipMethod::deflate);

}  // namespace dutylist::package
