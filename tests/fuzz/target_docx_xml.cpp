// Fuzzes the DOCX extractor's XML side: the fuzz bytes are word/document.xml, word/styles.xml
// and word/numbering.xml (split at PART_SEPARATOR, as make_seeds.py joins them), stored in a
// well-formed package by the package module's ZIP writer, so that mutations reach the OOXML
// walker, numbering and list building instead of dying on a ZIP checksum.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/docx/docx_reader.hpp"
#include "model/error.hpp"
#include "package/zip_writer.hpp"

namespace {

constexpr std::string_view part_separator{"\0PART\0", 6};

constexpr std::string_view content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";

constexpr std::string_view package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view document_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>)"
    R"(</Relationships>)";

std::vector<std::string_view> split(std::string_view bytes) {
    std::vector<std::string_view> parts;
    for (;;) {
        size_t at = bytes.find(part_separator);
        parts.push_back(bytes.substr(0, at));
        if (at == std::string_view::npos || parts.size() == 3) return parts;
        bytes.remove_prefix(at + part_separator.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string_view> xml = split({reinterpret_cast<const char*>(data), size});
    std::vector<dutylist::package::ZipEntry> parts = {
        {"[Content_Types].xml", content_types},
        {"_rels/.rels", package_rels},
        {"word/_rels/document.xml.rels", document_rels},
        {"word/document.xml", xml[0]},
    };
    if (xml.size() > 1 && !xml[1].empty()) parts.push_back({"word/styles.xml", xml[1]});
    if (xml.size() > 2 && !xml[2].empty()) parts.push_back({"word/numbering.xml", xml[2]});
    dutylist::ReadOptions options;
    options.threads = 1;
    // Stored, not deflated: zipping is not what is fuzzed, and storing is faster.
    dutylist::InputFile input{"fuzz.docx", dutylist::package::write_zip(parts, "the fuzz package", dutylist::package::ZipMethod::store)};
    try {
        dutylist::read_docx(input, options);
    } catch (const dutylist::Error&) {
    }
    return 0;
}
