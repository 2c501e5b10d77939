// Fuzzes the DOCX extractor's XML side: the fuzz bytes are word/document.xml, word/styles.xml
// and word/numbering.xml (split at PART_SEPARATOR, as make_seeds.py joins them), stored in a
// well-formed package, so that mutations reach the OOXML walker, numbering and list building
// instead of dying on a ZIP checksum.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/docx/docx_reader.hpp"
#include "model/error.hpp"

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

// A stored (uncompressed) ZIP of the parts, made in memory with libzip.
std::string package(const std::vector<std::pair<const char*, std::string_view>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) std::abort();
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) std::abort();
    for (const auto& [name, bytes] : parts) {
        zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        zip_int64_t index = part ? zip_file_add(archive, name, part, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) std::abort();
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(archive) != 0) std::abort();
    std::string out;
    if (zip_source_open(buffer) != 0) std::abort();
    char chunk[1 << 16];
    zip_int64_t n;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<size_t>(n));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::vector<std::string_view> xml = split({reinterpret_cast<const char*>(data), size});
    std::vector<std::pair<const char*, std::string_view>> parts = {
        {"[Content_Types].xml", content_types},
        {"_rels/.rels", package_rels},
        {"word/_rels/document.xml.rels", document_rels},
        {"word/document.xml", xml[0]},
    };
    if (xml.size() > 1 && !xml[1].empty()) parts.emplace_back("word/styles.xml", xml[1]);
    if (xml.size() > 2 && !xml[2].empty()) parts.emplace_back("word/numbering.xml", xml[2]);
    dutylist::ReadOptions options;
    options.threads = 1;
    dutylist::InputFile input{"fuzz.docx", package(parts)};
    try {
        dutylist::read_docx(input, options);
    } catch (const dutylist::Error&) {
    }
    return 0;
}
